#pragma once

// Happens-before edges ThreadSanitizer cannot see by itself. The Qt libraries
// Gatehouse runs on are not built with it, so synchronization inside them that
// does not go through pthread calls is invisible to it: QMutex, QReadWriteLock,
// QSemaphore and QThread::wait() are futexes (Qt's headers mark a QMutex only
// where project code locks and unlocks it), and so is the lock of Qt's
// posted-event queue behind queued calls and deleteLater() across threads.
// Where the project relies on such an edge it states it with these; outside a
// TSan build they compile to nothing.
#if defined(__SANITIZE_THREAD__)
#define GATEHOUSE_TSAN 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define GATEHOUSE_TSAN 1
#endif
#endif

#ifdef GATEHOUSE_TSAN
extern "C" void __tsan_acquire(void *addr);
extern "C" void __tsan_release(void *addr);
#endif

namespace gatehouse::tsan {

// What this thread did so far happens before what another thread does after
// acquire() on the same address.
inline void release([[maybe_unused]] const void *sync)
{
#ifdef GATEHOUSE_TSAN
    __tsan_release(const_cast<void *>(sync));
#endif
}

inline void acquire([[maybe_unused]] const void *sync)
{
#ifdef GATEHOUSE_TSAN
    __tsan_acquire(const_cast<void *>(sync));
#endif
}

}  // namespace gatehouse::tsan
