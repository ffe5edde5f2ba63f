import XCTest
@testable import GazetteCore
import GazetteModel

/// Which units a document's clauses name as responsible.
final class ResponsibleUnitsTests: XCTestCase {
    func units(_ text: String) -> [[String]] {
        StructureFixtureTests.structure(text).clauses.map { $0.units.map { "\($0.name) \($0.role.rawValue)" } }
    }

    /// Tasks assigned in brackets: a unit that opens a sentence elsewhere (各级政府要…) is no assignment.
    func testExplicitAssignmentsOutrankSentenceSubjects() {
        let got = units("""
        一、总体要求
        各级政府要在党委统一领导下做好公开工作，各单位要明确分管领导。
        二、重点任务
        （一）推进决策公开。完善决策程序。（省政府办公厅牵头，省直有关部门负责）
        （二）推进执行公开。各级政府要及时公开进展。（省发改委负责）
        """)
        XCTAssertEqual(got, [[], [], ["省政府办公厅 lead", "省直有关部门 responsible"], ["省发改委 responsible"]])
    }

    /// National bodies by their short names inside a responsibility note.
    func testShortNamesOfNationalBodiesInNotes() {
        let got = units("一、加大金融支持力度。对成效明显的地方给予支持。（人民银行、银保监会、证监会负责）")
        XCTAssertEqual(got, [["人民银行 responsible", "银保监会 responsible", "证监会 responsible"]])
    }

    /// A document that assigns nothing explicitly keeps its sentence subjects as mentions.
    func testSubjectsStayWhereNothingIsAssigned() {
        let got = units("""
        一、总体要求
        各区政府要加强组织领导。市政府各部门要明确责任。
        二、工作安排
        市财政局要按时公开预算。
        """)
        XCTAssertEqual(got, [["各区政府 mentioned", "市政府各部门 mentioned"], ["市财政局 mentioned"]])
    }
}
