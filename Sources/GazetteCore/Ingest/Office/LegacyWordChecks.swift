import Foundation

/// The fixed 512-byte header of an OLE2 compound file, checked before a converter sees it:
/// a file too short for it, a wrong byte order or sector size, or more FAT sectors or a
/// directory farther than the file holds is `doc-damaged` at once.
enum OLEHeader {
    static func check(_ b: [UInt8]) throws {
        func damaged(_ why: String) -> RejectReason { RejectReason("doc-damaged", "not a usable OLE2 compound file: \(why)") }
        guard b.starts(with: OfficeFormat.oleMagic) else { throw damaged("no OLE2 signature") }
        guard b.count >= 1024 else { throw damaged("truncated at \(b.count) bytes") }
        func u16(_ at: Int) -> Int { Int(b[at]) | Int(b[at + 1]) << 8 }
        func u32(_ at: Int) -> Int { u16(at) | u16(at + 2) << 16 }
        guard u16(0x1C) == 0xFFFE else { throw damaged("byte order mark \(String(u16(0x1C), radix: 16))") }
        let shift = u16(0x1E)
        guard shift == 9 || shift == 12 else { throw damaged("sector size 2^\(shift)") }
        let sector = 1 << shift
        let sectors = (b.count - 512) / sector + ((b.count - 512) % sector == 0 ? 0 : 1)
        let fatSectors = u32(0x2C)
        guard fatSectors >= 1, fatSectors <= sectors else {
            throw damaged("the header counts \(fatSectors) FAT sectors, the file holds \(sectors) sectors")
        }
        let directory = u32(0x30)
        guard directory < sectors else { throw damaged("the directory starts at sector \(directory), past the file's \(sectors)") }
    }
}

/// Text a converter decoded in the wrong code page: Chinese stored as 8-bit bytes (Word
/// 6/95, old WPS) or UTF-16 read as 8-bit comes out as Latin-1 letters and C1 controls.
enum GarbledText {
    /// Latin-1 signs that government text does use (·×÷°±§µ¹²³¼½¾).
    static let usual: Set<UInt32> = [0xB7, 0xD7, 0xF7, 0xB0, 0xB1, 0xA7, 0xB5, 0xB9, 0xB2, 0xB3, 0xBC, 0xBD, 0xBE]

    /// Why `text` looks garbled, or nil: at least 8 such characters and 3 % of the others.
    static func describe(_ text: String) -> String? {
        var odd = 0, total = 0
        for u in text.unicodeScalars where !u.properties.isWhitespace {
            total += 1
            let v = u.value
            if (v >= 0x80 && v <= 0x24F && !usual.contains(v)) || v == 0xFFFD { odd += 1 }
        }
        guard odd >= 8, odd * 100 >= total * 3 else { return nil }
        return "garbled text: \(odd) of \(total) characters are Latin-1 letters or control codes (8-bit text in a code page the converter does not read)"
    }
}
