// Linked into every test of a ThreadSanitizer build (gatehouse_add_test), and
// only there.
//
// QProcess (Qt 6.4 on Linux) starts a program with clone(CLONE_VM | CLONE_VFORK):
// the child runs in the parent's memory, on the calling thread's thread-local
// state, until it execs. TSan's clone() interceptor takes every child for a
// forked copy and, since the test has other threads, switches checking off for
// the child's thread until exec. With CLONE_VM that state is the parent's: the
// thread that started curl or openssl went on with its synchronization ignored,
// and everything it handed to another thread afterwards was reported as a race.
// TSan turns vfork() into fork() for the same reason; this does the same for
// clone(): without CLONE_VM the child is an ordinary forked copy (the parent
// still waits for its exec, CLONE_VFORK stays).
#include <cstdarg>
#include <dlfcn.h>
#include <sched.h>
#include <sys/types.h>

extern "C" int clone(int (*fn)(void *), void *stack, int flags, void *arg, ...)
{
    // glibc's clone() reads these according to `flags`; pass on what the caller gave.
    va_list rest;
    va_start(rest, arg);
    auto *parentTid = va_arg(rest, pid_t *);
    void *tls = va_arg(rest, void *);
    auto *childTid = va_arg(rest, pid_t *);
    va_end(rest);

    using Clone = int (*)(int (*)(void *), void *, int, void *, ...);
    // The next clone() after this executable's: TSan's interceptor, then glibc's.
    static const auto next = reinterpret_cast<Clone>(dlsym(RTLD_NEXT, "clone"));
    if ((flags & CLONE_VM) && (flags & CLONE_VFORK))
        flags &= ~CLONE_VM;
    return next(fn, stack, flags, arg, parentTid, tls, childTid);
}
