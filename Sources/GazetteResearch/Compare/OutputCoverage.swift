import Foundation
import GazetteModel
import GazetteOutput

extension CoverageTable {
    /// The table of every document published under `output` (what `gazette compare` prints).
    ///
    /// Documents are read once, on every core, and trimmed to what the table reads. Grouped
    /// by region, they wait in a spill file in `temporary` and the table is made one region
    /// at a time, then merged (`merged`): memory holds one region's documents, not the
    /// corpus. Without a region in `by`, every trimmed document is held.
    public static func make(output: URL, by: [Dimension], axis: Axis, threshold: Double,
                            temporary: URL = FileManager.default.temporaryDirectory) throws -> CoverageTable {
        guard by.contains(.region) else {
            var docs: [Document] = []
            try DocumentStore.forEach(output: output) { docs.append(DocumentStore.trimmedForComparison($0)) }
            return make(docs.sorted { $0.id < $1.id }, by: by, axis: axis, threshold: threshold)
        }
        let spill = DocumentSpill<(id: String, region: String)>(folder: temporary)
        try DocumentStore.forEach(output: output) { d in
            try spill.append(DocumentStore.trimmedForComparison(d), key: (d.id, d.region ?? "-"))
        }
        let stored = spill.close()
        var regions: [String: [Int]] = [:]
        for (i, k) in stored.keys.enumerated() { regions[k.region, default: []].append(i) }
        let parts = try regions.keys.sorted().map { region -> CoverageTable in
            let members = regions[region]!.sorted { stored.keys[$0].id < stored.keys[$1].id }
            return make(try members.map(stored.document), by: by, axis: axis, threshold: threshold)
        }
        return merged(parts, by: by, axis: axis, threshold: threshold)
    }
}
