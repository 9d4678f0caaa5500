#pragma once

#include "domain/ApiVersion.h"
#include "domain/AssignmentFilter.h"
#include "domain/AssignmentTarget.h"
#include "graph/Result.h"

#include <QPointer>
#include <QWidget>

class QButtonGroup;
class QComboBox;
class QLabel;
class QPushButton;
class QRadioButton;

namespace ea {
class AssignmentService;
class Operation;
} // namespace ea

namespace ea::ui {

// Narrows a new assignment with an assignment filter (beta only): "No filter"
// or one of the tenant's device filters, to include or exclude the devices it
// matches. The filters are read once, the first time the picker is needed on
// beta, and kept for the session. On v1.0 the controls are disabled and a
// note says filters need beta; filters cannot narrow an excluded group.
class AssignmentFilterPicker final : public QWidget
{
    Q_OBJECT
public:
    explicit AssignmentFilterPicker(QWidget *parent = nullptr);
    ~AssignmentFilterPicker() override;

    void setService(AssignmentService *service);
    void setApiVersion(ApiVersion version);
    // The target kind the filter would narrow; some kinds take none.
    void setTargetKind(AssignmentTarget::Kind kind);

    // Reads the filters if that has not been done (or failed) yet. Only on beta.
    void ensureLoaded();
    bool isLoaded() const { return m_loaded; }
    bool isLoading() const { return !m_load.isNull(); }
    const QList<AssignmentFilter> &filters() const { return m_filters; }

    // The filter the target gets: empty id when none applies (v1.0, no filter
    // chosen, or a kind that takes none).
    QString filterId() const;
    AssignmentTarget::FilterMode filterMode() const;
    void applyTo(AssignmentTarget &target) const;
    // Chooses a filter by id (empty: "No filter"). False when it is not in the list.
    bool selectFilter(const QString &filterId, AssignmentTarget::FilterMode mode);

    QComboBox *filterCombo() const { return m_combo; }
    QRadioButton *includeRadio() const { return m_include; }
    QRadioButton *excludeRadio() const { return m_exclude; }
    QLabel *noteLabel() const { return m_note; }

Q_SIGNALS:
    void changed();
    // The tenant's filters were read (for showing filter names elsewhere).
    void filtersLoaded(const QList<ea::AssignmentFilter> &filters);

private:
    void onLoaded(const Result<QList<AssignmentFilter>> &result);
    void rebuildCombo();
    void updateState();

    AssignmentService *m_service = nullptr;
    ApiVersion m_version = ApiVersion::V1;
    AssignmentTarget::Kind m_kind = AssignmentTarget::Kind::Unknown;
    QComboBox *m_combo;
    QRadioButton *m_include;
    QRadioButton *m_exclude;
    QButtonGroup *m_modeGroup;
    QLabel *m_note;
    QPushButton *m_retryButton;
    QPointer<Operation> m_load;
    QList<AssignmentFilter> m_filters;
    bool m_loaded = false;
    QString m_loadError;
};

} // namespace ea::ui
