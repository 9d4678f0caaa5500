#pragma once

#include <QSet>
#include <QString>

namespace ea {

// One copy of each string that repeats across many decoded rows (a
// configuration's @odata.type, its configuration type): every row then
// shares that copy instead of holding its own. For 10,000 configurations
// of a handful of types that is 20,000 allocations fewer.
class SharedStrings
{
public:
    QString shared(const QString &text)
    {
        const auto found = m_strings.constFind(text);
        if (found != m_strings.cend())
            return *found;
        m_strings.insert(text);
        return text;
    }

private:
    QSet<QString> m_strings;
};

} // namespace ea
