import ArgumentParser
import RehabCore
import RehabStore

/// `rehabit templates [--json]`: the programme templates.
struct TemplatesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "templates", abstract: "List the programme templates.")

  @OptionGroup var common: CommonOptions
  @Flag(help: "Print JSON.") var json = false

  func run() throws {
    let templates = try TemplateLibrary.all(extraDirectory: common.templatesDirectory)
    if json {
      try Output.json(TemplateListJSON(templates: templates.map(TemplateJSON.init)))
      return
    }
    for template in templates {
      let plan = template.plan
      Output.line("\(Output.safe(plan.id))  ·  \(plan.weeks) weeks  ·  \(Output.safe(plan.title))")
      let kinds = TreatmentKind.sessionOrder.compactMap { kind -> String? in
        let count = plan.treatments.count { $0.kind == kind }
        return count == 0 ? nil : count == 1 ? kind.rawValue : "\(kind.rawValue) ×\(count)"
      }
      Output.line("    \(kinds.joined(separator: ", "))")
    }
    Output.line()
    Output.line(
      "Start one with: rehabit init --template ID [--start YYYY-MM-DD] [--affected-side left|right|both]"
    )
  }
}

struct TemplateListJSON: Encodable {
  let templates: [TemplateJSON]
}

struct TemplateJSON: Encodable {
  struct TreatmentJSON: Encodable {
    let id: String
    let name: String
    let kind: TreatmentKind
    let dose: String
  }

  let name: String
  let title: String
  let description: String
  let weeks: Int
  let measures: [Measure]
  let primaryMeasure: Measure
  let source: String
  let treatments: [TreatmentJSON]

  init(_ template: ProgrammeTemplate) {
    let plan = template.plan
    name = plan.id
    title = plan.title
    description = plan.description
    weeks = plan.weeks
    measures = plan.checkin.askedMeasures
    primaryMeasure = plan.checkin.primary
    source = template.source
    treatments = plan.treatments.map {
      TreatmentJSON(id: $0.id, name: $0.name, kind: $0.kind, dose: $0.dose.text)
    }
  }
}
