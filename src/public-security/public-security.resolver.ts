import { personLoaders } from '../core/person.loaders';
import { publicSecurityLoaders } from './public-security.loaders';
import { Ctx, FieldResolver, Float, Resolver, Root } from 'type-graphql';
import { Context } from '../core/context';
import { SPC2016_TABLE as DEFAULT_HEROIN_EQUIVALENT_TABLE } from '../reference/heroin-equivalent-spc2016';
import { Person } from '../core/person.entity';
import { CaseSuspect } from './case-suspect.entity';
import { DrugCase } from './drug-case.entity';
import { DrugUseDetection } from './drug-use-detection.entity';
import { SeizureKind } from './public-security.enums';
import { RiskAssessment } from './risk-assessment.entity';
import { Seizure } from './seizure.entity';

// Public security's fields on Person, and the relations of its own records.
@Resolver(() => Person)
export class PersonPublicSecurityResolver {
  @FieldResolver(() => [CaseSuspect], { nullable: true, description: 'Cases the person is a suspect in, newest first, with the role (涉案情况)' })
  drugCases(@Root() person: Person, @Ctx() ctx: Context): Promise<CaseSuspect[]> {
    return publicSecurityLoaders(ctx).involvementsByPerson.load(person.id);
  }

  @FieldResolver(() => [DrugUseDetection], { nullable: true, description: 'Drug-use detections, newest first (查处吸毒记录)' })
  drugUseDetections(@Root() person: Person, @Ctx() ctx: Context): Promise<DrugUseDetection[]> {
    return publicSecurityLoaders(ctx).detectionsByPerson.load(person.id);
  }

  @FieldResolver(() => [RiskAssessment], { nullable: true, description: 'Risk assessments, newest first (风险评估记录)' })
  riskAssessments(@Root() person: Person, @Ctx() ctx: Context): Promise<RiskAssessment[]> {
    return publicSecurityLoaders(ctx).riskAssessmentsByPerson.load(person.id);
  }

  @FieldResolver(() => RiskAssessment, { nullable: true, description: 'The latest risk assessment (最新风险评估)' })
  async latestRisk(@Root() person: Person, @Ctx() ctx: Context): Promise<RiskAssessment | null> {
    const list = await publicSecurityLoaders(ctx).riskAssessmentsByPerson.load(person.id);
    return list[0] ?? null;
  }
}

@Resolver(() => CaseSuspect)
export class CaseSuspectResolver {
  @FieldResolver(() => DrugCase, { description: 'The case (案件)' })
  case(@Root() suspect: CaseSuspect, @Ctx() ctx: Context): DrugCase | Promise<DrugCase> {
    return suspect.caseRef ?? (publicSecurityLoaders(ctx).caseById.load(suspect.caseId) as Promise<DrugCase>);
  }

  @FieldResolver(() => Person, { nullable: true, description: 'The suspect (犯罪嫌疑人)' })
  person(@Root() suspect: CaseSuspect, @Ctx() ctx: Context): Person | Promise<Person | null> {
    return suspect.personRef ?? personLoaders(ctx).personById.load(suspect.personId);
  }
}

export function heroinEquivalentKg(seizures: Seizure[], factors: ReadonlyMap<string, number>): number {
  const grams = seizures
    .filter((s) => s.kind === SeizureKind.DRUG)
    .reduce((sum, s) => sum + (s.quantityGrams ?? 0) * (factors.get(s.substance) ?? 0), 0);
  return Math.round(grams) / 1000;
}

@Resolver(() => DrugCase)
export class DrugCaseResolver {
  @FieldResolver(() => [Seizure], { nullable: true, description: 'What was seized in the case (缴获情况)' })
  seizures(@Root() drugCase: DrugCase, @Ctx() ctx: Context): Seizure[] | Promise<Seizure[]> {
    return drugCase.loadedSeizures ?? publicSecurityLoaders(ctx).seizuresByCase.load(drugCase.id);
  }

  @FieldResolver(() => [CaseSuspect], { nullable: true, description: 'All suspects of the case (全部犯罪嫌疑人)' })
  suspects(@Root() drugCase: DrugCase, @Ctx() ctx: Context): CaseSuspect[] | Promise<CaseSuspect[]> {
    return drugCase.loadedSuspects ?? publicSecurityLoaders(ctx).suspectsByCase.load(drugCase.id);
  }

  @FieldResolver(() => Float, {
    nullable: true,
    description: 'Drugs seized in the case as kilograms of heroin equivalent, default factor table (缴获毒品折合海洛因, 千克)',
  })
  heroinEquivalentKg(@Root() drugCase: DrugCase, @Ctx() ctx: Context): number | Promise<number> {
    if (drugCase.loadedSeizures && drugCase.defaultHeroinFactors) return heroinEquivalentKg(drugCase.loadedSeizures, drugCase.defaultHeroinFactors);
    return this.heroinEquivalentKgLoaded(drugCase, ctx);
  }

  private async heroinEquivalentKgLoaded(drugCase: DrugCase, ctx: Context): Promise<number> {
    const [seizures, factors] = await Promise.all([
      publicSecurityLoaders(ctx).seizuresByCase.load(drugCase.id),
      publicSecurityLoaders(ctx).heroinFactors.load(DEFAULT_HEROIN_EQUIVALENT_TABLE),
    ]);
    return heroinEquivalentKg(seizures, factors);
  }
}
