#include "WrappingLabel.h"

#include <QEvent>

namespace ea::ui {

WrappingLabel::WrappingLabel(QWidget *parent)
    : QLabel(parent)
{
    setWordWrap(true);
}

WrappingLabel::WrappingLabel(const QString &text, QWidget *parent)
    : QLabel(text, parent)
{
    setWordWrap(true);
}

bool WrappingLabel::Key::operator==(const Key &other) const
{
    return format == other.format && alignment == other.alignment && margin == other.margin && indent == other.indent
        && contents == other.contents && interaction == other.interaction && wrap == other.wrap && text == other.text;
}

WrappingLabel::Key WrappingLabel::currentKey() const
{
    return Key {
        text(), textFormat(), alignment(), margin(), indent(), contentsMargins(), textInteractionFlags(), wordWrap()};
}

void WrappingLabel::forget() const
{
    m_heights.fill({0, 0});
}

void WrappingLabel::checkKey() const
{
    Key key = currentKey();
    if (!(key == m_key)) {
        m_key = std::move(key);
        forget();
    }
}

int WrappingLabel::heightForWidth(int width) const
{
    if (width <= 0)
        return QLabel::heightForWidth(width);
    checkKey();
    for (const auto &[cachedWidth, height] : m_heights) {
        if (cachedWidth == width)
            return height;
    }
    const int height = QLabel::heightForWidth(width);
    m_heights[m_next] = {width, height};
    m_next = (m_next + 1) % int(m_heights.size());
    return height;
}

void WrappingLabel::changeEvent(QEvent *event)
{
    // Anything else that changes how text is measured: forget every answer.
    switch (event->type()) {
    case QEvent::FontChange:
    case QEvent::StyleChange:
    case QEvent::LayoutDirectionChange:
    case QEvent::ContentsRectChange: forget(); break;
    default: break;
    }
    QLabel::changeEvent(event);
}

} // namespace ea::ui
