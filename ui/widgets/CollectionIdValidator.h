#pragma once

#include <QValidator>

namespace ea::ui {

// A Configuration Manager collection id as it is typed: upper-cased, spaces
// dropped, Acceptable only when complete and well formed (3-character site
// code + 5 hex digits). It never rejects a keystroke (Intermediate instead),
// so a paste is not silently swallowed; hint() says what is still wrong.
class CollectionIdValidator final : public QValidator
{
    Q_OBJECT
public:
    explicit CollectionIdValidator(QObject *parent = nullptr);

    State validate(QString &input, int &pos) const override;
    void fixup(QString &input) const override;

    // Empty when text is a valid collection id; otherwise one sentence.
    static QString hint(const QString &text);
};

} // namespace ea::ui
