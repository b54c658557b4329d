#if canImport(Glibc)
  import Glibc
#endif

/// Monotonic timing and summary statistics for the benchmarks.
enum Stopwatch {
  static func nanoseconds() -> UInt64 {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    return UInt64(now.tv_sec) * 1_000_000_000 + UInt64(now.tv_nsec)
  }

  /// Runs `body` `warmUp` times untimed, then `runs` times timed; returns the samples in ms.
  static func sample(warmUp: Int = 3, runs: Int, _ body: () throws -> Void) rethrows -> Samples {
    for _ in 0..<warmUp { try body() }
    var samples: [Double] = []
    samples.reserveCapacity(runs)
    for _ in 0..<runs {
      let start = nanoseconds()
      try body()
      samples.append(Double(nanoseconds() - start) / 1_000_000)
    }
    return Samples(milliseconds: samples)
  }
}

/// Timings of one measure: median and spread (10th to 90th percentile).
struct Samples {
  let milliseconds: [Double]

  private func percentile(_ fraction: Double) -> Double {
    let sorted = milliseconds.sorted()
    guard !sorted.isEmpty else { return 0 }
    let index = Int((Double(sorted.count - 1) * fraction).rounded())
    return sorted[index]
  }

  var median: Double { percentile(0.5) }
  var p10: Double { percentile(0.1) }
  var p90: Double { percentile(0.9) }
}

/// One line of the report: name, median, spread, and the target when there is one.
struct ReportLine {
  let name: String
  let samples: Samples
  var target: Double? = nil

  var text: String {
    func ms(_ value: Double) -> String {
      value < 10 ? String(format3(value)) : String(Int(value.rounded()))
    }
    var line =
      "\(name.padding(toLength: 52, withPad: " ", startingAt: 0)) median \(ms(samples.median)) ms  (p10 \(ms(samples.p10)), p90 \(ms(samples.p90)), n=\(samples.milliseconds.count))"
    if let target {
      line +=
        samples.median <= target
        ? "  target ≤ \(ms(target)) ms: pass" : "  target ≤ \(ms(target)) ms: MISS"
    }
    return line
  }

  private func format3(_ value: Double) -> String {
    let scaled = (value * 1000).rounded() / 1000
    return String(scaled)
  }
}
