import CCrypto
import Foundation

/// SHA-256 through OpenSSL's libcrypto (the system's well-kept implementation).
public enum SHA256Digest {
    /// Lower-case hex digest of `bytes`.
    public static func hex<C: ContiguousBytes>(_ bytes: C) -> String {
        var digest = [UInt8](repeating: 0, count: 32)
        bytes.withUnsafeBytes { raw in
            _ = CCrypto.SHA256(raw.baseAddress?.assumingMemoryBound(to: UInt8.self), raw.count, &digest)
        }
        return hexString(digest)
    }

    public static func hex(_ string: String) -> String { hex(Array(string.utf8)) }

    /// A short stable file name for a name that is not ASCII (a region, a unit): `prefix`
    /// and the first 12 hex digits of the name's SHA-256.
    public static func slug(_ prefix: String, _ name: String) -> String { prefix + String(hex(name).prefix(12)) }

    static func hexString(_ bytes: [UInt8]) -> String {
        let digits: [UInt8] = Array("0123456789abcdef".utf8)
        var out = [UInt8](); out.reserveCapacity(bytes.count * 2)
        for b in bytes { out.append(digits[Int(b >> 4)]); out.append(digits[Int(b & 15)]) }
        return String(decoding: out, as: UTF8.self)
    }
}
