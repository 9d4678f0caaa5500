// enrollment-assigner: the GUI entry. Everything it shows lives in ea_ui; this
// file only reads the command line, picks the tenant (the in-process sandbox,
// Graph with a supplied token, or the saved profiles and sign-ins) and hands
// it to the SignInController, which opens the main window.

#include "AppSettings.h"
#include "Language.h"
#include "MainWindow.h"
#include "SignInController.h"
#include "Theme.h"
#include "auth/SystemTokenStore.h"
#include "auth/TenantProfile.h"
#include "auth/TokenClaims.h"
#include "auth/TokenStore.h"
#include "net/ProxyAccess.h"
#ifdef EA_WITH_SANDBOX
#include "sandbox/SandboxServer.h"
#endif
#include "service/Session.h"
#include "service/SessionFactory.h"
#include "widgets/Icons.h"
#include "widgets/ProxyCredentialsDialog.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDesktopServices>
#include <QLocale>
#include <QPixmap>
#include <QSettings>
#include <QTimer>

#include <cstdio>
#include <memory>
#include <optional>

namespace {

// Parsed before any window exists; problems go to stderr with exit code 2.
struct Options
{
    bool sandbox = false;
    bool sandboxSignIn = false;
#ifdef EA_WITH_SANDBOX
    ea::sandbox::SandboxOptions sandboxOptions;
#endif
    QString graphUrl;
    ea::ApiVersion apiVersion = ea::ApiVersion::V1;
    bool apiVersionGiven = false; // else the Preferences default
    QString screenshotPath;
    ea::ui::theme::Scheme colorScheme = ea::ui::theme::Scheme::System;
};

void printError(const QString &message)
{
    std::fputs(qPrintable(message + u'\n'), stderr);
}

#ifdef EA_WITH_SANDBOX
bool parseCount(const QCommandLineParser &parser, const QCommandLineOption &option, int *out, QString *problem)
{
    if (!parser.isSet(option))
        return true;
    bool ok = false;
    const int value = parser.value(option).toInt(&ok);
    if (!ok || value < 0 || value > 1000000) {
        *problem = QCoreApplication::translate("main", "--%1 takes a number from 0 to 1000000.")
                       .arg(option.names().constFirst());
        return false;
    }
    *out = value;
    return true;
}
#endif

// Returns false with *problem set when the command line cannot be used.
bool parseOptions(const QCoreApplication &app, Options *options, QString *problem)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("main",
        "Assigns Intune device enrollment configurations through Microsoft Graph.\n"
        "Sign in to a tenant from the Account menu; an access token in the environment variable\n"
        "GRAPH_ACCESS_TOKEN is used instead when set."));
    parser.addHelpOption();
    parser.addVersionOption();
    QCommandLineOption sandbox(
        QStringLiteral("sandbox"), QCoreApplication::translate("main", "Open the built-in sandbox tenant."));
    QCommandLineOption sandboxConfigs(QStringLiteral("sandbox-configs"),
        QCoreApplication::translate("main", "Add N generated configurations to the sandbox tenant."),
        QStringLiteral("N"));
    QCommandLineOption sandboxGroups(QStringLiteral("sandbox-groups"),
        QCoreApplication::translate("main", "Add N generated groups to the sandbox tenant."), QStringLiteral("N"));
    const QCommandLineOption graphUrl(QStringLiteral("graph-url"),
        QCoreApplication::translate("main", "Graph root URL (default https://graph.microsoft.com)."),
        QStringLiteral("URL"));
    const QCommandLineOption apiVersion(QStringLiteral("api-version"),
        QCoreApplication::translate("main", "v1.0 (default) or beta."), QStringLiteral("VERSION"));
    const QCommandLineOption screenshot(QStringLiteral("screenshot"),
        QCoreApplication::translate("main",
            "Once the configurations are loaded, save the window to PATH (PNG) "
            "and quit (exit 1 if they could not be loaded)."),
        QStringLiteral("PATH"));
    // For trying the sign-in dialogs offline: a profile whose sign-in and Graph
    // are the in-process sandbox (tokens in memory only). Not for admins.
    QCommandLineOption sandboxSignIn(QStringLiteral("sandbox-sign-in"),
        QCoreApplication::translate("main", "Sign in to the sandbox tenant through its own sign-in endpoints."));
    sandboxSignIn.setFlags(QCommandLineOption::HiddenFromHelp);
    const QCommandLineOption colorScheme(QStringLiteral("color-scheme"),
        QCoreApplication::translate("main",
            "dark, light or system (default; also EA_COLOR_SCHEME). Forces the colour scheme, for example for "
            "screenshots."),
        QStringLiteral("SCHEME"));
    // Read before parsing (ea::ui::languageArgument); declared so the parser accepts it.
    const QCommandLineOption language(QStringLiteral("lang"),
        QCoreApplication::translate("main",
            "Show the user interface in LANGUAGE (for example de or en) instead of "
            "the system's language."),
        QStringLiteral("LANGUAGE"));
#ifndef EA_WITH_SANDBOX
    // Built with EA_WITH_SANDBOX=OFF: the options stay known but hidden, so
    // asking for them gets a clear answer instead of "unknown option". Not
    // translated: it names a build option, for whoever made the build.
    for (QCommandLineOption *option : {&sandbox, &sandboxConfigs, &sandboxGroups, &sandboxSignIn})
        option->setFlags(QCommandLineOption::HiddenFromHelp);
#endif
    parser.addOptions({sandbox, sandboxConfigs, sandboxGroups, graphUrl, apiVersion, screenshot, colorScheme, language,
        sandboxSignIn});
    parser.process(app); // --help, --version and unknown options end here

#ifndef EA_WITH_SANDBOX
    if (parser.isSet(sandbox) || parser.isSet(sandboxConfigs) || parser.isSet(sandboxGroups)
        || parser.isSet(sandboxSignIn)) {
        *problem = QStringLiteral("This build of Enrollment Assigner has no sandbox tenant "
                                  "(it was built with EA_WITH_SANDBOX=OFF).");
        return false;
    }
#endif
    options->sandbox = parser.isSet(sandbox);
    options->sandboxSignIn = parser.isSet(sandboxSignIn);
    if (options->sandbox && options->sandboxSignIn) {
        *problem = QCoreApplication::translate("main", "--sandbox and --sandbox-sign-in cannot be used together.");
        return false;
    }
    options->graphUrl = parser.value(graphUrl);
    options->screenshotPath = parser.value(screenshot);
    if (options->sandbox && parser.isSet(graphUrl)) {
        *problem = QCoreApplication::translate("main", "--sandbox and --graph-url cannot be used together.");
        return false;
    }
    if ((parser.isSet(sandboxConfigs) || parser.isSet(sandboxGroups)) && !options->sandbox && !options->sandboxSignIn) {
        *problem = QCoreApplication::translate("main", "--sandbox-configs and --sandbox-groups need --sandbox.");
        return false;
    }
#ifdef EA_WITH_SANDBOX
    if (!parseCount(parser, sandboxConfigs, &options->sandboxOptions.extraConfigurations, problem)
        || !parseCount(parser, sandboxGroups, &options->sandboxOptions.extraGroups, problem))
        return false;
#endif
    const QString scheme
        = parser.isSet(colorScheme) ? parser.value(colorScheme) : qEnvironmentVariable("EA_COLOR_SCHEME");
    if (!ea::ui::theme::parseScheme(scheme, &options->colorScheme)) {
        *problem
            = QCoreApplication::translate("main", "--color-scheme takes dark, light or system, not '%1'.").arg(scheme);
        return false;
    }
    options->apiVersionGiven = parser.isSet(apiVersion);
    if (parser.isSet(apiVersion) && !ea::parseApiVersion(parser.value(apiVersion), &options->apiVersion)) {
        *problem = QCoreApplication::translate("main", "--api-version takes v1.0 or beta, not '%1'.")
                       .arg(parser.value(apiVersion));
        return false;
    }
    return true;
}

void setApplicationNames()
{
    QCoreApplication::setOrganizationName(QStringLiteral("Enrollment Assigner"));
    QCoreApplication::setApplicationName(QStringLiteral("Enrollment Assigner"));
    QCoreApplication::setApplicationVersion(QStringLiteral(EA_VERSION_STRING));
}

// --help and --version only print, so they must work without a display too.
bool onlyPrints(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        if (arg == "--help" || arg == "-h" || arg == "--help-all" || arg == "-?" || arg == "--version" || arg == "-v")
            return true;
    }
    return false;
}

} // namespace

int main(int argc, char *argv[])
{
    // A token from the environment: read once and removed at once, whatever the
    // options, so no child process (a browser opened for sign-in) inherits it.
    const bool tokenSupplied = qEnvironmentVariableIsSet("GRAPH_ACCESS_TOKEN");
    const QString suppliedText = qEnvironmentVariable("GRAPH_ACCESS_TOKEN");
    qunsetenv("GRAPH_ACCESS_TOKEN");

    if (onlyPrints(argc, argv)) {
        QCoreApplication app(argc, argv);
        setApplicationNames();
        const QString language = ea::ui::languageArgument(argc, argv);
        ea::ui::installTranslations(language.isEmpty() ? QLocale::system() : QLocale(language));
        Options options;
        QString problem;
        parseOptions(app, &options, &problem); // prints and exits
        return 0;
    }

    QApplication app(argc, argv);
    setApplicationNames();
    // The system's UI languages (LANGUAGE on Linux too), unless --lang names one.
    const QString language = ea::ui::languageArgument(argc, argv);
    if (!language.isEmpty())
        QLocale::setDefault(QLocale(language));
    ea::ui::installTranslations(language.isEmpty() ? QLocale::system() : QLocale(language));
    QApplication::setWindowIcon(ea::ui::appIcon(QStringLiteral("app"), QStyle::SP_ComputerIcon));

    Options options;
    QString problem;
    if (!parseOptions(app, &options, &problem)) {
        printError(problem);
        return 2;
    }
    ea::ui::theme::applyScheme(options.colorScheme);

    // Declared in this order so they go in reverse: the controller (its
    // window, then the session, which cancels its calls), then the token
    // stores and settings it uses, then the sandbox it talked to.
#ifdef EA_WITH_SANDBOX
    ea::sandbox::SandboxThread sandbox;
#endif
    const std::unique_ptr<QSettings> settings = ea::auth::ProfileStore::openSharedSettings();
    if (!options.apiVersionGiven)
        options.apiVersion = ea::ui::AppSettings(settings.get()).defaultApiVersion();
    // The keychain, touched only once a sign-in is needed (after the first paint).
    std::unique_ptr<ea::auth::TokenStore> tokenStore;
    if (options.sandboxSignIn) {
        // The sandbox's port changes every run: a keychain entry would never be found again.
        auto memory = std::make_unique<ea::auth::MemoryTokenStore>();
        memory->setPersistenceNotice(
            QCoreApplication::translate("main", "sandbox sign-in: tokens are kept in memory for this session only"));
        tokenStore = std::move(memory);
    } else {
        tokenStore = ea::auth::createSystemTokenStore();
    }

    // One way out for sign-in and Graph alike: Preferences' proxy choice
    // (default: https_proxy/no_proxy if set, else the system's settings). A
    // proxy that asks for a password gets a dialog; "remember" uses the keychain.
    ea::net::ProxyAccess proxy(
        ea::ui::AppSettings(settings.get()).proxySettings(), ea::net::ProxyEnvironment::fromProcess());
    proxy.setPrompt(ea::ui::ProxyCredentialsDialog::prompt(tokenStore->isPersistent()));
    if (tokenStore->isPersistent())
        proxy.setCredentialStore(tokenStore.get());
    proxy.install();

    const ea::ApiVersion apiVersion = options.apiVersion;
    // Each session gets its own network access manager: the sandbox's goes direct, the others through the proxy.
    ea::SessionFactory sessions;
    sessions.setApiVersion(apiVersion);

    ea::ui::SignInController::Environment environment;
    environment.settings = settings.get();
    environment.tokenStore = tokenStore.get();
    environment.openUrl = [](const QUrl &url) {
        return QDesktopServices::openUrl(url);
    };
    environment.apiVersion = apiVersion;
#ifdef EA_WITH_SANDBOX
    // The sandbox starts on first use (--sandbox, or "Explore the sandbox" later).
    const ea::sandbox::SandboxOptions sandboxOptions = options.sandboxOptions;
    auto startSandbox = [&sandbox, sandboxOptions](QString *problem) {
        if (sandbox.isRunning())
            return true;
        if (sandbox.start(sandboxOptions))
            return true;
        *problem = sandbox.errorString();
        return false;
    };
    auto openSandbox = [&sandbox, startSandbox, &sessions](QString *problem) -> std::unique_ptr<ea::Session> {
        if (!startSandbox(problem))
            return nullptr;
        return sessions.forSandbox(sandbox.url(), sandbox.accessToken(), problem);
    };

    // Without it the sign-in window offers no "Explore the sandbox".
    environment.openSandbox = openSandbox;
#endif
    ea::ui::SignInController controller(environment);

#ifdef EA_WITH_SANDBOX
    if (options.sandbox) {
        std::unique_ptr<ea::Session> session = openSandbox(&problem);
        if (!session) {
            printError(QCoreApplication::translate("main", "The sandbox tenant could not start: %1").arg(problem));
            return 1;
        }
        controller.startWithSession(std::move(session));
    } else if (options.sandboxSignIn) {
        if (!startSandbox(&problem)) {
            printError(QCoreApplication::translate("main", "The sandbox tenant could not start: %1").arg(problem));
            return 1;
        }
        ea::auth::TenantProfile profile;
        profile.displayName = QCoreApplication::translate("main", "Sandbox sign-in");
        profile.tenant = QStringLiteral("organizations");
        profile.clientId = QString::fromLatin1(ea::auth::kGraphCommandLineToolsClientId);
        profile.loginRootOverride = sandbox.url().toString();
        profile.graphRootOverride = sandbox.url().toString();
        controller.startWithProfile(profile, true);
    } else
#endif
    {
        // The same rule as the command line's: "Bearer eyJ…" is still the token.
        QString token;
        if (tokenSupplied && !suppliedText.trimmed().isEmpty()) {
            const std::optional<QString> normalized = ea::auth::normalizeSuppliedToken(suppliedText, &problem);
            if (!normalized) {
                printError(QCoreApplication::translate("main", "GRAPH_ACCESS_TOKEN: %1").arg(problem));
                return 2;
            }
            token = *normalized;
        }
        const QString root
            = options.graphUrl.isEmpty() ? QStringLiteral("https://graph.microsoft.com") : options.graphUrl;
        const ea::GraphEndpoint endpoint = ea::GraphEndpoint::fromRootUrl(root, options.apiVersion, &problem);
        if (!endpoint.isValid()) {
            printError(QCoreApplication::translate("main", "--graph-url: %1").arg(problem));
            return 2;
        }
        if (token.isEmpty() && !options.graphUrl.isEmpty()) {
            // A saved sign-in's token goes only to its own cloud's Graph, never where --graph-url points.
            const ea::auth::ProfileStore profiles(settings.get());
            const std::optional<ea::auth::TenantProfile> active = profiles.find(profiles.activeProfileId());
            if (!active || !active->tokensMayGoTo(endpoint.root())) {
                printError(QCoreApplication::translate("main",
                    "--graph-url %1: a saved sign-in's token is sent only to the Graph of its own cloud, never "
                    "to another address. To use this Graph URL, put an access token for it in the environment "
                    "variable GRAPH_ACCESS_TOKEN; otherwise leave --graph-url out.")
                               .arg(endpoint.root().toString()));
                return 2;
            }
        }
        if (!token.isEmpty()) {
            controller.startWithSession(sessions.forToken(endpoint, token, &problem));
        } else {
            controller.startFromSettings();
        }
    }

    if (!options.screenshotPath.isEmpty()) {
        ea::ui::MainWindow *window = controller.window();
        const QString path = options.screenshotPath;
        // Exit 0 once the configurations are painted; 1 when they could not be
        // loaded (the screenshot, saved anyway, shows why) or not saved.
        auto takeScreenshot = [window, path](bool loaded) {
            // One more turn of the event loop so the views have laid out their new rows.
            QTimer::singleShot(0, window, [window, path, loaded] {
                const bool saved = window->grab().save(path, "PNG");
                if (!saved)
                    printError(QCoreApplication::translate("main", "Could not write the screenshot to %1.").arg(path));
                if (!loaded)
                    printError(QCoreApplication::translate(
                        "main", "The configurations could not be loaded; the screenshot shows why."));
                QCoreApplication::exit(saved && loaded ? 0 : 1);
            });
        };
        if (window->session())
            QObject::connect(window, &ea::ui::MainWindow::configurationsLoadFinished, window, takeScreenshot,
                Qt::SingleShotConnection);
        else
            takeScreenshot(true); // nothing to load: the welcome or sign-in state is what there is
    }

    return QApplication::exec();
}
