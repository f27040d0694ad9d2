#pragma once

// The event dispatcher for the proxy's worker threads, chosen per OS: epoll on Linux,
// whose cost per wake-up does not grow with idle sockets; nullptr elsewhere, meaning
// "keep Qt's default" (Windows keeps the stock dispatcher until it is measured there).
// Used by gatehouse::proxy::WorkerPool before it starts each thread.

#include <QAbstractEventDispatcher>

#include <memory>

namespace gatehouse::platform {

// Install the result with QThread::setEventDispatcher() (which takes ownership) before
// QThread::start(); when it is null, do not install anything.
std::unique_ptr<QAbstractEventDispatcher> createWorkerEventDispatcher();

// True where createWorkerEventDispatcher() makes one. Each such dispatcher has an
// epoll set of its own, so several worker threads can watch the same listening
// socket; Qt's Windows dispatcher cannot (WSAAsyncSelect: one window per socket).
bool hasWorkerEventDispatcher();

}  // namespace gatehouse::platform
