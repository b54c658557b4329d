import RehabCore
import RehabTestSupport
import Testing

/// Random histories on two and three machines, each machine a copy of one week file or of the
/// programme, merged pairwise along the way (a sync) and then in random orders and groupings.
@Suite("Merging two machines' copies (WeekMerge, ProgrammeMerge)")
struct MergeTests {
  static let week = ISOWeek(containing: Fixtures.day("2026-12-02"))
  static let machines = ["0000000000000aaa", "0000000000000bbb", "0000000000000ccc"]
  static let itemIds = (0..<4).map { "2026-12-0\(1 + $0).heel-raises.left" }

  /// One random history: the machines' copies at the end, and what was written.
  struct History {
    var copies: [ProgressWeek]
    /// Per item, its writes in time order (global clock).
    var itemWrites: [String: [ItemRecord]] = [:]
    /// Pain entries, notes and check-ins ever added, by id.
    var added: [String: LoggedRecord] = [:]
    var removedIds: Set<String> = []
  }

  /// `ties`: the clock sometimes stands still between two writes, so `by` and content decide.
  static func history(seed: UInt64, machines count: Int, steps: Int, ties: Bool) -> History {
    var random = SeededRandom(state: seed)
    var history = History(copies: Array(repeating: ProgressWeek(week: week), count: count))
    var clock = 0
    var suffix: UInt32 = 1
    for _ in 0..<steps {
      if !ties || random.chance(60) { clock += 1 }
      let at = Fixtures.stamp(clock)
      let machine = random.int(0...(count - 1))
      let by = machines[machine]
      var copy = history.copies[machine]
      let day = week.monday.adding(days: random.int(0...6))
      switch random.int(0...9) {
      case 0...2:
        let id = random.pick(itemIds)
        let status = random.pick(ItemStatus.allCases)
        let record = ItemRecord(
          status: status, at: at, reason: status == .skipped ? random.pick(["sore", "busy"]) : nil,
          by: by)
        copy.items[id] = record
        history.itemWrites[id, default: []].append(record)
      case 3:
        let id = RecordID(kind: .pain, day: day, suffix: suffix).description
        let record = PainRecord(
          day: day, level: random.int(0...10), timing: .during, at: at, id: id, by: by)
        copy.pain.append(record)
        history.added[id] = .pain(record)
      case 4:
        let id = RecordID(kind: .note, day: day, suffix: suffix).description
        let record = NoteRecord(day: day, text: "note \(suffix)", at: at, id: id, by: by)
        copy.notes.append(record)
        history.added[id] = .note(record)
      case 5:
        let id = RecordID(kind: .checkin, day: day, suffix: suffix).description
        let record = Checkin(
          day: day, values: [.pain: .single(Double(random.int(0...10)))], at: at, id: id, by: by)
        copy.checkins.append(record)
        history.added[id] = .checkin(record)
      case 6, 7:
        let live = copy.pain.map(\.id) + copy.notes.map(\.id) + copy.checkins.map(\.id)
        if !live.isEmpty {
          let id = random.pick(live)
          copy.remove(id: id, at: at, by: by)
          history.removedIds.insert(id)
        }
      default:
        // A sync between two machines: both end with the merge.
        let other = random.int(0...(count - 1))
        if let merged = WeekMerge.merge([copy, history.copies[other]]) {
          copy = merged
          history.copies[other] = merged
        }
      }
      suffix += 1
      history.copies[machine] = copy
    }
    return history
  }

  /// A random grouping of a random order: ((c, a), b), (b, (a, c)) …
  static func randomMerge(_ copies: [ProgressWeek], _ random: inout SeededRandom) -> ProgressWeek {
    var pool = copies
    while pool.count > 1 {
      let first = pool.remove(at: random.int(0...(pool.count - 1)))
      let second = pool.remove(at: random.int(0...(pool.count - 1)))
      let pair = random.chance(50) ? [first, second] : [second, first]
      pool.append(WeekMerge.merge(pair) ?? first)
    }
    return pool[0]
  }

  static func bytes(_ week: ProgressWeek) throws -> [UInt8] { try JSONCoding.encode(week) }

  @Test(
    "any order and grouping of merges gives one state, a valid file, byte for byte",
    arguments: [2, 3])
  func convergence(machines count: Int) throws {
    for seed in UInt64(1)...40 {
      let history = Self.history(
        seed: seed * 7 + UInt64(count), machines: count, steps: 120, ties: true)
      var random = SeededRandom(state: seed)
      let reference = try #require(WeekMerge.merge(history.copies))
      #expect(reference.problems.isEmpty, "seed \(seed): \(reference.problems)")
      for _ in 0..<6 {
        let merged = Self.randomMerge(history.copies, &random)
        #expect(try Self.bytes(merged) == Self.bytes(reference), "seed \(seed)")
      }
    }
  }

  @Test("merging is commutative, associative and idempotent", arguments: [2, 3])
  func algebra(machines count: Int) throws {
    for seed in UInt64(1)...40 {
      let copies = Self.history(seed: seed, machines: 3, steps: 30 * count, ties: true).copies
      let (a, b, c) = (copies[0], copies[1], copies[2])
      func merge(_ x: ProgressWeek, _ y: ProgressWeek) -> ProgressWeek {
        WeekMerge.merge([x, y]) ?? x
      }
      #expect(merge(a, b) == merge(b, a), "seed \(seed)")
      #expect(merge(merge(a, b), c) == merge(a, merge(b, c)), "seed \(seed)")
      let ab = merge(a, b)
      #expect(merge(ab, ab) == ab, "seed \(seed)")
      #expect(merge(ab, b) == ab, "seed \(seed)")
    }
  }

  @Test(
    "every record whose latest write is not a removal is kept, as last written",
    arguments: [2, 3])
  func latestWriteWins(machines count: Int) throws {
    for seed in UInt64(1)...40 {
      let history = Self.history(seed: seed * 13, machines: count, steps: 150, ties: false)
      let merged = try #require(WeekMerge.merge(history.copies))
      for (id, writes) in history.itemWrites {
        #expect(merged.items[id] == writes.last, "seed \(seed), item \(id)")
      }
      #expect(Set(merged.items.keys) == Set(history.itemWrites.keys))
      for (id, record) in history.added {
        if history.removedIds.contains(id) {
          #expect(merged.record(id: id) == nil, "seed \(seed): \(id) came back")
          #expect(merged.removed.contains { $0.id == id })
        } else {
          #expect(merged.record(id: id) == record, "seed \(seed): \(id) lost")
        }
      }
    }
  }

  @Test("a tie on the time stamp goes to the machine id, then the content, on every side")
  func ties() throws {
    let id = Self.itemIds[0]
    let at = Fixtures.stamp(1)
    var a = ProgressWeek(week: Self.week)
    var b = ProgressWeek(week: Self.week)
    a.items[id] = ItemRecord(status: .done, at: at, by: Self.machines[0])
    b.items[id] = ItemRecord(status: .skipped, at: at, reason: "sore", by: Self.machines[1])
    #expect(WeekMerge.merge([a, b])?.items[id] == b.items[id])
    #expect(WeekMerge.merge([b, a])?.items[id] == b.items[id])
    b.items[id] = ItemRecord(status: .pending, at: at, by: Self.machines[0])
    // Same time and machine: the content's canonical text ("done" < "pending").
    #expect(WeekMerge.merge([a, b])?.items[id]?.status == .pending)
    #expect(WeekMerge.merge([b, a])?.items[id]?.status == .pending)
  }

  @Test("an uncheck travels: a later pending record beats an earlier tick")
  func uncheckTravels() throws {
    let id = Self.itemIds[1]
    var a = ProgressWeek(week: Self.week)
    var b = ProgressWeek(week: Self.week)
    a.items[id] = ItemRecord(status: .done, at: Fixtures.stamp(1), by: Self.machines[0])
    b.items[id] = ItemRecord(status: .pending, at: Fixtures.stamp(2), by: Self.machines[1])
    let merged = try #require(WeekMerge.merge([a, b]))
    #expect(merged.status(of: id) == .pending)
  }

  @Test("a removal wins over a copy of the record written later, and over the base")
  func removalIsFinal() throws {
    let day = Fixtures.day("2026-12-02")
    let note = NoteRecord(
      day: day, text: "x", at: Fixtures.stamp(5), id: "n-20261202-0001", by: Self.machines[0])
    var a = ProgressWeek(week: Self.week, notes: [note])
    let b = a
    a.remove(id: note.id, at: Fixtures.stamp(1), by: Self.machines[1])
    let merged = try #require(WeekMerge.merge([b, a], base: b))
    #expect(merged.notes.isEmpty)
    #expect(merged.removed.map(\.id) == [note.id])
  }

  @Test("with a base, an item an older rehabit unchecked by dropping it stays unchecked")
  func baseHint() throws {
    let id = Self.itemIds[2]
    var base = ProgressWeek(week: Self.week)
    base.items[id] = ItemRecord(status: .done, at: Fixtures.stamp(1))
    var ours = base
    ours.items[id] = nil
    var theirs = base
    theirs.items[Self.itemIds[3]] = ItemRecord(status: .done, at: Fixtures.stamp(2))
    let merged = try #require(WeekMerge.merge([ours, theirs], base: base))
    #expect(merged.items[id] == nil)
    #expect(merged.items[Self.itemIds[3]] != nil)
    // Without the base the tick is kept: nothing says it went.
    #expect(WeekMerge.merge([ours, theirs])?.items[id] != nil)
  }

  @Test("copies of different weeks are not merged")
  func differentWeeks() {
    let other = ISOWeek(containing: Fixtures.day("2026-12-09"))
    #expect(WeekMerge.merge([ProgressWeek(week: Self.week), ProgressWeek(week: other)]) == nil)
  }
}
