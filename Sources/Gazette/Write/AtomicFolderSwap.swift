import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Puts a fully written folder in place of another in one step.
enum AtomicFolderSwap {
    private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
    private static let renameExchangeFlag: UInt32 = 1 << 1 // RENAME_EXCHANGE in <linux/fs.h>

    /// Exchanges `staging` and `target` atomically when the system allows it (Linux `renameat2`
    /// with `RENAME_EXCHANGE`), else by two renames. Returns the folder that now holds the old contents.
    static func exchange(_ staging: String, _ target: String) throws(POSIXFailure) -> String {
        if let renameat2 = renameat2Function(), renameat2(AT_FDCWD, staging, AT_FDCWD, target, renameExchangeFlag) == 0 {
            return staging
        }
        let aside = staging + ".old"
        guard rename(target, aside) == 0 else { throw POSIXFailure(operation: "moving \(target) aside", code: errno) }
        guard rename(staging, target) == 0 else {
            let code = errno
            _ = rename(aside, target)
            throw POSIXFailure(operation: "moving \(staging) into place", code: code)
        }
        return aside
    }

    /// Moves `staging` to the free name `target`.
    static func move(_ staging: String, to target: String) throws(POSIXFailure) {
        guard rename(staging, target) == 0 else { throw POSIXFailure(operation: "moving \(staging) into place", code: errno) }
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
