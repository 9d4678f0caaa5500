#include "widgets/CopyAsMenu.h"

#include "graph/GraphEndpoint.h"

#include <QAction>
#include <QClipboard>
#include <QGuiApplication>
#include <QPushButton>

namespace ea::ui {

CopyAsMenu::CopyAsMenu(Source source, QWidget *parent)
    : QMenu(tr("Copy as"), parent)
    , m_source(std::move(source))
{
    setObjectName(QStringLiteral("copyAsMenu"));
    m_curl = addAction(tr("Copy as &curl"));
    m_curl->setObjectName(QStringLiteral("copyAsCurlAction"));
    m_curl->setToolTip(tr("A curl command for a POSIX shell; it reads the token from $%1")
                           .arg(QLatin1String(requestexport::kTokenVariable)));
    m_powerShell = addAction(tr("Copy as &PowerShell"));
    m_powerShell->setObjectName(QStringLiteral("copyAsPowerShellAction"));
    m_powerShell->setToolTip(tr("Invoke-MgGraphRequest, signed by your Connect-MgGraph session"));
    m_graphExplorer = addAction(tr("Copy as &Graph Explorer link"));
    m_graphExplorer->setObjectName(QStringLiteral("copyAsGraphExplorerAction"));
    connect(m_curl, &QAction::triggered, this, [this] { copy(requestexport::Format::Curl); });
    connect(m_powerShell, &QAction::triggered, this, [this] { copy(requestexport::Format::PowerShell); });
    connect(m_graphExplorer, &QAction::triggered, this, [this] { copy(requestexport::Format::GraphExplorer); });
    connect(this, &QMenu::aboutToShow, this, &CopyAsMenu::updateActions);
    updateActions();
}

void CopyAsMenu::updateActions()
{
    const std::optional<RequestPreview> request = m_source();
    const bool available = request.has_value() && request->url.isValid();
    m_curl->setEnabled(available);
    m_powerShell->setEnabled(available);
    // Graph Explorer runs in the browser against Microsoft's clouds: it cannot
    // reach the sandbox on this computer.
    const bool explorable
        = available && !isLoopbackHost(request->url.host()) && !requestexport::toGraphExplorerLink(*request).isEmpty();
    m_graphExplorer->setEnabled(explorable);
    m_graphExplorer->setToolTip(available && !explorable
            ? tr("Graph Explorer cannot open requests to the sandbox tenant on this computer")
            : tr("A link that opens this request in Graph Explorer (you sign in there)"));
    setEnabled(available);
    for (const QPointer<QPushButton> &button : std::as_const(m_buttons)) {
        if (button)
            button->setEnabled(available);
    }
}

void CopyAsMenu::addButton(QPushButton *button)
{
    button->setMenu(this);
    m_buttons.append(button);
    updateActions();
}

void CopyAsMenu::copy(requestexport::Format format)
{
    const std::optional<RequestPreview> request = m_source();
    if (!request)
        return;
    const QString text = requestexport::toText(format, *request);
    if (text.isEmpty())
        return;
    QGuiApplication::clipboard()->setText(text);
    switch (format) {
    case requestexport::Format::Curl:
        Q_EMIT copied(tr("Copied the request as a curl command (the token is read from $%1).")
                          .arg(QLatin1String(requestexport::kTokenVariable)));
        break;
    case requestexport::Format::PowerShell:
        Q_EMIT copied(tr("Copied the request as an Invoke-MgGraphRequest command."));
        break;
    default: Q_EMIT copied(tr("Copied a Graph Explorer link to the request.")); break;
    }
}

} // namespace ea::ui
