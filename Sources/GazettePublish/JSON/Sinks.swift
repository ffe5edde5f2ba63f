import GazetteOutput

/// The sinks for the formats named in pipeline.yml (`SinkOrder.resolve` orders them).
public enum Sinks {
    public static func make(formats: [String]) -> [OutputSink] {
        var out: [OutputSink] = []
        // documents/ and corpus.jsonl.gz hold the same JSON: one sink encodes it once for both.
        if formats.contains("json") { out.append(DocumentJSONSink(lines: formats.contains("jsonl"))) }
        else if formats.contains("jsonl") { out.append(JSONLinesSink()) }
        if formats.contains("csv") { out.append(ClausesCSVSink()) }
        if formats.contains("sqlite") { out.append(SQLiteSink()) }
        if formats.contains("site") { out.append(SiteSink()); out.append(PlacePagesSink()) }
        return out
    }
}
