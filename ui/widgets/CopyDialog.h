#pragma once

#include "domain/CopyPlan.h"
#include "domain/EnrollmentConfiguration.h"

#include <QDialog>
#include <QPointer>

#include <optional>

class QComboBox;
class QGroupBox;
class QLabel;
class QPushButton;
class QRadioButton;

namespace ea {
class AssignmentService;
class GroupDirectory;
class Operation;
} // namespace ea

namespace ea::ui {

class PlanRunView;

// File › Copy assignments… (issue 17 §2): the GUI of the CLI's copy. The
// source is a configuration of this tenant, or of an export file another
// tenant profile wrote; the target is a configuration here of the same type.
// "Plan the copy" reads the tenant (AssignmentService::planCopy, the CLI's
// reads): across tenants each group is matched by the group map file or by
// its display name, and what cannot be carried over (an unmatched or
// ambiguous group, the other tenant's filter or collection, a policy-set
// entry, an unknown target type) is listed and left out, never created. The
// rows then run as a bulk plan (PlanRunView): what the target has already
// is skipped, so a copy run again writes nothing.
class CopyDialog final : public QDialog
{
    Q_OBJECT
public:
    // `sourceId`: the configuration to offer as the source (the one selected
    // in the window); may be empty.
    CopyDialog(AssignmentService *service, const QString &sourceId, QWidget *parent = nullptr);
    ~CopyDialog() override;

    // The diff names the groups it targets (null: ids only).
    void setGroupDirectory(GroupDirectory *groups);

    // As choosing the file would (tests, and a path given by the window).
    void openExport(const QString &path);
    void openGroupMap(const QString &path);
    // Chooses by configuration id; false when it is not offered.
    bool chooseSource(const QString &id);
    bool chooseTarget(const QString &id);
    void plan();

    PlanRunView *planView() const { return m_view; }
    QPushButton *planButton() const { return m_planButton; }
    QRadioButton *fromFileButton() const { return m_fromFile; }
    QComboBox *targetBox() const { return m_target; }
    QString statusText() const;

Q_SIGNALS:
    // The tenant's configurations were read (ok) or could not be.
    void configurationsLoaded(bool ok);
    // A plan is shown (ok), or what keeps the copy from running is.
    void planShown(bool ok);
    void runFinished(bool ok);

protected:
    void reject() override;

private:
    void loadConfigurations();
    void chooseExport();
    void chooseGroupMap();
    void fillSources();
    void fillTargets();
    void invalidatePlan();
    void updateState();
    QString sourceType() const;
    QString sourceName() const;
    bool isBusy() const;

    AssignmentService *m_service;
    QString m_preferredSourceId;
    QList<EnrollmentConfiguration> m_configurations; // this tenant's, as read when the dialog opened
    std::optional<TenantExport> m_file;
    QHash<QString, QString> m_groupMap;
    QPointer<Operation> m_reading;

    QGroupBox *m_sourceBox;
    QRadioButton *m_fromTenant;
    QRadioButton *m_fromFile;
    QComboBox *m_tenantSource;
    QLabel *m_filePath;
    QPushButton *m_fileButton;
    QComboBox *m_fileSource;
    QLabel *m_mapPath;
    QPushButton *m_mapButton;
    QPushButton *m_clearMapButton;
    QComboBox *m_target;
    QPushButton *m_planButton;
    PlanRunView *m_view;
};

} // namespace ea::ui
