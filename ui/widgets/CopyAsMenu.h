#pragma once

#include "graph/RequestExport.h"

#include <QMenu>
#include <QPointer>

#include <functional>
#include <optional>

class QAction;
class QPushButton;

namespace ea::ui {

// "Copy as curl / PowerShell / Graph Explorer link" for whatever request the
// owner names (the request preview, a logged call). The text comes from
// requestexport, which never has the token, so the clipboard never holds one.
class CopyAsMenu final : public QMenu
{
    Q_OBJECT
public:
    using Source = std::function<std::optional<RequestPreview>()>;
    CopyAsMenu(Source source, QWidget *parent);

    QAction *curlAction() const { return m_curl; }
    QAction *powerShellAction() const { return m_powerShell; }
    QAction *graphExplorerAction() const { return m_graphExplorer; }
    QList<QAction *> copyActions() const { return {m_curl, m_powerShell, m_graphExplorer}; }

    // A button that opens this menu; it is enabled while there is something to copy.
    // A push button, not an instant-popup tool button: its accessible "press"
    // and "show menu" actions open the menu (a tool button's do nothing), and
    // its size makes room for the menu arrow beside the text.
    void addButton(QPushButton *button);

    // Enables the actions for the source's current request; the owner calls it
    // when that changes (it also runs before the menu shows).
    void updateActions();

Q_SIGNALS:
    // What was copied, in words, for the status bar.
    void copied(const QString &message);

private:
    void copy(requestexport::Format format);

    Source m_source;
    QAction *m_curl;
    QAction *m_powerShell;
    QAction *m_graphExplorer;
    QList<QPointer<QPushButton>> m_buttons;
};

} // namespace ea::ui
