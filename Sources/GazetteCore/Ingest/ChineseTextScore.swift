/// How typical of Chinese prose a decoded string is: the share of its CJK characters
/// that are among the most frequent characters of simplified and traditional Chinese.
/// A wrong legacy decoding (Big5 read as GB18030 or the reverse) yields rare characters.
enum ChineseTextScore {
    // The ~500 most frequent characters in simplified and traditional government prose.
    static let common: Set<Unicode.Scalar> = {
        let s = """
        的一是不了人在有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于着下自之年过发后作里用道行所然家种事成方多经么去法学如都同现当没动面起看定天分还进好小部其些主样理心本前开但因只从想实日者意无力与长把机十民第公此已工使情明性知全三又关点正业外将两高间由问很最重并物手应向头文体政相见被利什二等产或新己制身果加月话合回特代内信表化老给世位次度门任常先海通教原东提立及比员解水名真论处走义各入几口认条平系气题活更别打变四总何电数安少报才结反受目量再感建务做接必场件计管期市直资命山金指许统区保至队形社便空决治展科司五基书非则却界达光放强即像难且权思象完设式色路记南品住告类求据程北边该交规万取格望觉术领共确传师观清今切院让识候带导争运步改收根干造言联持组每济车亲极林服快办议往元证近失转令准布始存未远叫台单影具字爱击流备连调深商算质团集百需价党华城石级整府离况请技际约示复病息究线似官断精满支视消越器容照须增研写称企功包片史委查轻易早曾除农找装广显图念引历首医局突专费号尽另周较注语仅考落青随选列武红响虽推势参希古众构房半节土投族
        們這個來為國時說會對過發後裡從實還進樣當經體機關點業將兩問間開現與種麼動學線見長門頭兩無說話讓認條題氣總電數報結義處員員議東車親極區設導爭運習變與統場決權應強術傳觀讓識帶導據覺團陽聯類價紀組織務經費歲網縣鄉鎮級藝環貿醫療險舉辦準職責資項標規範審計檢監護護項園區層級條例區縣單項監測據實施網站應對辦理諮詢覆蓋層產業營運
        """
        return Set(s.unicodeScalars.filter { $0.value >= 0x4E00 })
    }()

    /// `common` as one bit per character of U+4E00–U+9FFF.
    static let commonBits: [UInt64] = {
        var bits = [UInt64](repeating: 0, count: (0x9FFF - 0x4E00) / 64 + 1)
        for u in common where u.value <= 0x9FFF { let k = Int(u.value - 0x4E00); bits[k >> 6] |= 1 << UInt64(k & 63) }
        return bits
    }()

    static func score(_ s: String) -> Double {
        var s = s
        return s.withUTF8 { score(utf8: $0) }
    }

    /// `score` of valid UTF-8 (a String's bytes): the first 20,000 scalars, decoded in place.
    static func score(utf8 b: UnsafeBufferPointer<UInt8>) -> Double {
        var cjk = 0, hit = 0, odd = 0, total = 0
        var i = 0
        while i < b.count && total < 20000 {
            let (v, len) = FastText.scalar(b, i)
            i += len
            total += 1
            if v >= 0x4E00 && v <= 0x9FFF {
                cjk += 1
                let k = Int(v - 0x4E00)
                if commonBits[k >> 6] & (1 << UInt64(k & 63)) != 0 { hit += 1 }
            } else if v == 0xFFFD || (v >= 0xE000 && v <= 0xF8FF) || (v >= 0x3400 && v <= 0x4DBF) || v >= 0x20000 {
                odd += 1
            }
        }
        guard total > 0 else { return 0 }
        if cjk == 0 { return odd == 0 ? 0.3 : 0 }   // ASCII-like text: plausible but weak
        return Double(hit) / Double(cjk) - Double(odd) / Double(total) * 2
    }
}
