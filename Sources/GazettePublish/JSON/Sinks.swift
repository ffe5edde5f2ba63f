import GazetteCore

/// The sinks for the formats named in pipeline.yml, in a fixed order.
public enum Sinks {
    public static func make(formats: [String]) -> [OutputSink] {
        var out: [OutputSink] = []
        if formats.contains("json") { out.append(DocumentJSONSink()) }
        if formats.contains("jsonl") { out.append(JSONLinesSink()) }
        if formats.contains("csv") { out.append(ClausesCSVSink()) }
        if formats.contains("sqlite") { out.append(SQLiteSink()) }
        if formats.contains("site") { out.append(SiteSink()) }
        return out
    }
}
