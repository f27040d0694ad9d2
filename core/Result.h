#pragma once

#include <utility>
#include <variant>

namespace gatehouse {

// A value or an error, for operations that can fail in ways the caller acts on.
// Stands in for std::expected until the toolchain has it.
template<typename T, typename E> class Result
{
public:
    Result(T value) : m_data(std::in_place_index<0>, std::move(value)) { }  // NOLINT(google-explicit-constructor)
    static Result failure(E error) { return Result(std::in_place_index<1>, std::move(error)); }

    bool ok() const { return m_data.index() == 0; }
    explicit operator bool() const { return ok(); }

    const T &value() const & { return std::get<0>(m_data); }
    T &value() & { return std::get<0>(m_data); }
    T &&value() && { return std::get<0>(std::move(m_data)); }
    const T *operator->() const { return &std::get<0>(m_data); }
    const T &operator*() const & { return std::get<0>(m_data); }

    const E &error() const & { return std::get<1>(m_data); }

private:
    template<std::size_t I, typename V>
    Result(std::in_place_index_t<I> index, V &&v) : m_data(index, std::forward<V>(v))
    { }

    std::variant<T, E> m_data;
};

}  // namespace gatehouse
