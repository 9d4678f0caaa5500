#pragma once

#include <QLabel>

#include <array>

namespace ea::ui {

// A word-wrapped QLabel that remembers the heights it has measured.
//
// Why: while the main window is built and first laid out, its layouts ask each
// word-wrapped label for its height at the same few widths again and again
// (measured at start-up: 315 calls for about a dozen labels, one label 26
// times at one width), because every change elsewhere invalidates the
// layouts' own caches. QLabel lays its text out afresh each time: harfbuzz
// shapes it again, and a selectable or rich-text label also re-lays out a
// whole QTextDocument. Answering a repeated question from memory halves the
// instructions the window spends before its first paint.
//
// The cache is keyed on everything QLabel's answer depends on that can change
// without an event (the text, its format, wrap, margin, indent, alignment, contents
// margins and whether it is selectable) and cleared on font, style and other change events.
class WrappingLabel : public QLabel
{
    Q_OBJECT
public:
    explicit WrappingLabel(QWidget *parent = nullptr);
    explicit WrappingLabel(const QString &text, QWidget *parent = nullptr);

    int heightForWidth(int width) const override;

protected:
    void changeEvent(QEvent *event) override;

private:
    struct Key
    {
        QString text;
        Qt::TextFormat format = Qt::AutoText;
        Qt::Alignment alignment;
        int margin = 0;
        int indent = 0;
        QMargins contents;
        Qt::TextInteractionFlags interaction; // a selectable label measures through a text document
        bool wrap = false;
        bool operator==(const Key &other) const;
    };
    Key currentKey() const;
    // Forgets every height when anything it depends on differs from m_key.
    void checkKey() const;
    void forget() const;

    mutable Key m_key;
    // A few widths: the layouts alternate between the width they try and the one they settle on.
    mutable std::array<std::pair<int, int>, 4> m_heights {}; // width, height; width 0 = empty
    mutable int m_next = 0;
};

} // namespace ea::ui
