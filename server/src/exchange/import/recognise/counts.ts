// What a preview counts of the board it will create: sections (with subsections, a plan-graph's
// months), items (roadmap and plan items, events, stages, pairs' steps, products...) and the fields
// kept around them (the document header, the passport, rich-text sections).
import { planCounts, type BoardJson, type ImportCounts } from '@soplan/shared';

export function countsOf(content: BoardJson, warnings: number): ImportCounts {
  const header = Object.values(content.document).filter(Boolean).length;
  if (content.kind === 'roadmap') return { ...planCounts(content.roadmap), fields: header, warnings };
  if (content.kind === 'plan-graph') {
    const events = content.planGraph.events;
    return { sections: new Set(events.map((e) => e.month)).size, items: events.length, fields: header, warnings };
  }
  const p = content.programme;
  const plan = planCounts(p.plan);
  return {
    sections: plan.sections + p.sections.length,
    items: plan.items + p.stages.length + p.indicators.length + p.pairs.reduce((n, x) => n + 1 + x.route.length, 0) + p.nominations.length + p.products.length,
    fields: header + Object.values(p.passport).filter(Boolean).length,
    warnings,
  };
}
