import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Puts a fully written folder in place of another in one step.
enum AtomicFolderSwap {
    private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
    private static let renameExchangeFlag: UInt32 = 1 << 1 // RENAME_EXCHANGE in <linux/fs.h>

    /// Exchanges `staging` and `target` atomically when the system allows it (Linux `renameat2`
    /// with `RENAME_EXCHANGE`), else by two renames. Afterwards `staging` holds the old contents.
    static func exchange(_ staging: String, _ target: String) throws {
        if let renameat2 = renameat2Function(), renameat2(AT_FDCWD, staging, AT_FDCWD, target, renameExchangeFlag) == 0 {
            return
        }
        let aside = staging + ".old"
        guard rename(target, aside) == 0 else { throw POSIXFailure(operation: "rename \(target)", code: errno) }
        guard rename(staging, target) == 0 else {
            let code = errno
            _ = rename(aside, target)
            throw POSIXFailure(operation: "rename \(staging)", code: code)
        }
        guard rename(aside, staging) == 0 else { throw POSIXFailure(operation: "rename \(aside)", code: errno) }
    }

    /// Moves `staging` to the free name `target`.
    static func move(_ staging: String, to target: String) throws {
        guard rename(staging, target) == 0 else { throw POSIXFailure(operation: "rename \(staging)", code: errno) }
    }

    /// glibc's `renameat2`, looked up at run time: Swift's Glibc module does not export it.
    private static func renameat2Function() -> RenameAt2? {
        #if os(Linux)
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return nil }
        return unsafeBitCast(symbol, to: RenameAt2.self)
        #else
        return nil
        #endif
    }
}

/// A failed system call, with the operation and `strerror` text.
struct POSIXFailure: Error, CustomStringConvertible {
    let operation: String
    let code: Int32
    var description: String { "\(operation): \(String(cString: strerror(code)))" }
}
