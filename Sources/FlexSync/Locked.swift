// A value behind a pthread mutex. The standard library's `Synchronization.Mutex` would do, but on
// Linux ThreadSanitizer does not see its lock: a minimal Mutex-in-a-class program mutated from a
// task group is reported as a "Swift access race" on every run, while the same program on this
// type is clean. The sanitizer run (scripts/sanitizers.sh) must be able to trust the locks it sees.
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

public final class Locked<Value>: @unchecked Sendable {
    /// Allocated once, so the mutex never moves (pthread mutexes must not be copied).
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private var value: Value

    public init(_ value: Value) {
        self.value = value
        mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        pthread_mutex_init(mutex, nil)
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deinitialize(count: 1)
        mutex.deallocate()
    }

    /// Runs `body` with exclusive access to the value.
    public func withLock<Result>(_ body: (inout sending Value) throws -> sending Result) rethrows -> sending Result {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body(&value)
    }
}
