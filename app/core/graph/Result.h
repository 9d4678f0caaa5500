#pragma once

#include "domain/GraphError.h"

#include <functional>
#include <utility>
#include <variant>

namespace ea {

// A value or the GraphError that explains why there is none. Every call of
// the graph and service layers ends in one of these; no sentinel strings.
template <typename T>
class Result
{
public:
    Result(T value) : m_data(std::in_place_index<0>, std::move(value)) {}
    Result(GraphError error) : m_data(std::in_place_index<1>, std::move(error)) {}

    bool ok() const { return m_data.index() == 0; }
    explicit operator bool() const { return ok(); }

    const T &value() const { return std::get<0>(m_data); }
    T &value() { return std::get<0>(m_data); }
    const GraphError &error() const { return std::get<1>(m_data); }

private:
    std::variant<T, GraphError> m_data;
};

// For calls whose success carries no value (DELETE -> 204).
struct Done
{
};

template <typename T>
using ResultCallback = std::function<void(const Result<T> &)>;

} // namespace ea
