import RehabCore
import RehabTestSupport
import Testing

/// Revisions made on two and three machines (set, pause, resume, undo), merged in random
/// orders and groupings.
@Suite("Merging two machines' programmes (ProgrammeMerge)")
struct ProgrammeMergeTests {
  static let machines = MergeTests.machines
  static let base = Fixtures.programme([Fixtures.strengthening(), Fixtures.stretch()])

  struct History {
    var copies: [Programme]
    var made: Set<String> = []
    var undone: Set<String> = []
  }

  static func history(seed: UInt64, machines count: Int, steps: Int) -> History {
    var random = SeededRandom(state: seed)
    var history = History(copies: Array(repeating: base, count: count))
    var clock = 0
    var suffix: UInt32 = 1
    for _ in 0..<steps {
      if random.chance(70) { clock += 1 }
      let machine = random.int(0...(count - 1))
      var copy = history.copies[machine]
      let day = base.start.adding(days: random.int(0...20))
      let treatment = random.pick(["heel-raises", "calf-stretch"])
      let change: ProgrammeChange? =
        switch random.int(0...5) {
        case 0, 1:
          .set(
            treatmentId: "heel-raises",
            TreatmentSettings(dose: .setsReps(sets: random.int(2...4), reps: 10, load: nil)))
        case 2: .pause(treatmentId: treatment, until: nil)
        case 3: .resume(treatmentId: treatment)
        default: nil
        }
      if let change {
        let revision = ProgrammeRevision(
          id: RevisionID.make(effective: day, suffix: suffix), effective: day, change: change,
          at: Fixtures.stamp(clock), by: machines[machine])
        // As the store does: only a revision that fits this machine's copy is recorded.
        if RevisionCheck.problems(adding: revision, to: copy).isEmpty {
          copy.revisions.append(revision)
          history.made.insert(revision.id)
        }
      } else if random.chance(40), let last = copy.revisions.last {
        copy.revisions.removeLast()
        copy.removedRevisions.append(
          RemovedRecord(id: last.id, at: Fixtures.stamp(clock), by: machines[machine]))
        history.undone.insert(last.id)
      } else {
        let other = random.int(0...(count - 1))
        if let merged = ProgrammeMerge.merge([copy, history.copies[other]]) {
          copy = merged
          history.copies[other] = merged
        }
      }
      suffix += 1
      history.copies[machine] = copy
    }
    return history
  }

  static func randomMerge(_ copies: [Programme], _ random: inout SeededRandom) -> Programme {
    var pool = copies
    while pool.count > 1 {
      let first = pool.remove(at: random.int(0...(pool.count - 1)))
      let second = pool.remove(at: random.int(0...(pool.count - 1)))
      pool.append(
        ProgrammeMerge.merge(random.chance(50) ? [first, second] : [second, first]) ?? first)
    }
    return pool[0]
  }

  @Test(
    "any order and grouping gives one valid programme that loses no revision",
    arguments: [2, 3])
  func convergence(machines count: Int) throws {
    for seed in UInt64(1)...30 {
      let history = Self.history(seed: seed * 5 + UInt64(count), machines: count, steps: 60)
      let reference = try #require(ProgrammeMerge.merge(history.copies))
      #expect(ProgrammeValidator.problems(in: reference).isEmpty, "seed \(seed)")
      var random = SeededRandom(state: seed)
      for _ in 0..<5 {
        let merged = Self.randomMerge(history.copies, &random)
        #expect(try JSONCoding.encode(merged) == JSONCoding.encode(reference), "seed \(seed)")
      }
      // Every revision made is in force, superseded, or taken back; none taken back is in force.
      let inForce = Set(reference.revisions.map(\.id))
      let kept = inForce.union(reference.supersededRevisions.map(\.id))
      let gone = Set(reference.removedRevisions.map(\.id))
      #expect(history.made.subtracting(kept).subtracting(gone).isEmpty, "seed \(seed)")
      #expect(inForce.isDisjoint(with: history.undone), "seed \(seed)")
      #expect(gone == history.undone, "seed \(seed)")
      // Idempotent, commutative.
      #expect(ProgrammeMerge.merge([reference, reference]) == reference)
      if count >= 2 {
        let (a, b) = (history.copies[0], history.copies[1])
        #expect(ProgrammeMerge.merge([a, b]) == ProgrammeMerge.merge([b, a]))
      }
    }
  }

  @Test("two machines pause the same treatment: the later pause is superseded, not lost")
  func doublePause() throws {
    func pause(_ machine: Int, _ stamp: Int, _ day: String) -> Programme {
      var copy = Self.base
      copy.revisions = [
        ProgrammeRevision(
          id: RevisionID.make(effective: Fixtures.day(day), suffix: UInt32(stamp)),
          effective: Fixtures.day(day), change: .pause(treatmentId: "heel-raises", until: nil),
          at: Fixtures.stamp(stamp), by: Self.machines[machine])
      ]
      return copy
    }
    let a = pause(0, 1, "2026-12-03")
    let b = pause(1, 2, "2026-12-04")
    let merged = try #require(ProgrammeMerge.merge([b, a]))
    #expect(merged == ProgrammeMerge.merge([a, b]))
    #expect(merged.revisions == a.revisions)
    #expect(merged.supersededRevisions == b.revisions)
    #expect(ProgrammeValidator.problems(in: merged).isEmpty)
  }

  @Test("another programme started on one machine wins whole when it starts later")
  func newProgrammeWins() throws {
    let later = Fixtures.programme([Fixtures.stretch()], start: "2027-02-01")
    var old = Self.base
    old.revisions = [
      ProgrammeRevision(
        id: RevisionID.make(effective: old.start, suffix: 9), effective: old.start,
        change: .pause(treatmentId: "calf-stretch", until: nil), at: Fixtures.stamp(1))
    ]
    #expect(ProgrammeMerge.merge([old, later]) == later)
    #expect(ProgrammeMerge.merge([later, old]) == later)
  }
}
