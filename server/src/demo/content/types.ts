// The shapes the demo's board contents are written in, close to the printed documents.
import type { ItemStatus, MentoringForm, PassportField } from '@soplan/shared';

export interface DemoPlanGraph {
  yearStart: number;
  months: { month: string; events: { title: string; form: string; responsibles?: string[]; partner?: string; status: ItemStatus; notes?: string }[] }[];
}

export interface DemoRoadmap {
  sections: {
    title: string;
    items: { title: string; period: string; responsibles: string[]; result: string; status: ItemStatus; evidence?: string[] }[];
  }[];
}

export interface DemoProgramme {
  passport: Record<PassportField, string>;
  sections: { title: string; paragraphs: string[] }[];
  stages: { title: string; period: string; description: string; status: ItemStatus }[];
  indicators: { title: string; target: string; actual: string }[];
  pairs: { mentor: string; mentee: string; form: MentoringForm; deficits: string; route: { title: string; period: string; status: ItemStatus }[] }[];
  nominations: string[];
  products: string[];
}
