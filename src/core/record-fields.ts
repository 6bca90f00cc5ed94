// Composite validation decorators for input fields, and the person fields that person-linked inputs share.
import { IsBoolean, IsDefined, IsEnum, IsInt, IsNumber, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import {
  absent, IsDistrictCode, IsIdNumber, IsKnownDistrict, IsKnownIfInNingxia, IsRealDay, IsSourceKey, NoControlCharacters, NoReplacementCharacter, NotInFuture, rule,
} from './record-validators';

type PropertyDecorator = (target: object, propertyKey: string) => void;
const all = (...decorators: PropertyDecorator[]): PropertyDecorator => (target, key) => decorators.forEach((d) => d(target, key));
const required = (isRequired: boolean): PropertyDecorator => (isRequired ? IsDefined({ message: 'is required' }) : IsOptional());

export const SourceKey = () => all(IsDefined({ message: 'is required' }), IsSourceKey());

// Free text up to `max` characters (the column's length), no control characters.
export const Text = (max: number, isRequired = true) =>
  all(required(isRequired), IsString({ message: 'must be text' }), MaxLength(max, { message: `at most ${max} characters` }), NoControlCharacters(), NoReplacementCharacter());

// A real YYYY-MM-DD day; `past` (the default): not after today.
export const Day = (isRequired = true, past = true) => all(required(isRequired), IsRealDay(), ...(past ? [NotInFuture()] : []));

export const RecordDistrict = () => all(IsDefined({ message: 'is required' }), IsDistrictCode(), IsKnownDistrict());

export const OneOf = (values: object, isRequired = true) =>
  all(required(isRequired), IsEnum(values, { message: `one of ${Object.values(values).join(', ')}` }));

// A non-negative decimal below `max` (the column's precision).
export const Quantity = (max: number, isRequired = true) =>
  all(
    required(isRequired),
    IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'must be a number' }),
    Min(0, { message: 'must be >= 0' }),
    Max(max, { message: `must be < ${max}` }),
  );

// As Quantity, but absent passes without IsOptional, so that a unit rule on the same field still runs.
export const UnitQuantity = (max: number) =>
  all(
    rule('NUMBER', 'must be a number', (v) => absent(v) || (typeof v === 'number' && Number.isFinite(v))),
    rule('MIN', 'must be >= 0', (v) => typeof v !== 'number' || v >= 0),
    rule('MAX', `must be < ${max}`, (v) => typeof v !== 'number' || v < max),
  );

export const Count = (max: number, isRequired = true) =>
  all(required(isRequired), IsInt({ message: 'must be a whole number' }), Min(0, { message: 'must be >= 0' }), Max(max, { message: `must be <= ${max}` }));

export const Flag = (isRequired = false) => all(required(isRequired), IsBoolean({ message: 'must be true or false' }));

// The department's view of the person a record is about. The person is found by the normalised ID
// number (15-digit legacy numbers converted to 18); name and residence are kept per department.
@InputType('PersonFieldsInput', { description: "The person a record is about, as the department knows them (人员信息)" })
export abstract class PersonFieldsInput {
  @Field({ description: 'Resident identity number, 18 characters (15-digit legacy numbers are converted) (公民身份号码)' })
  @all(IsDefined({ message: 'is required' }), IsIdNumber())
  idNumber: string;

  @Field({ description: "The person's name as the department records it, at most 50 characters (姓名)" })
  @Text(50)
  name: string;

  @Field({ description: 'Code of the residence county; may lie outside Ningxia, 6 digits (居住地区划代码)' })
  @all(IsDefined({ message: 'is required' }), IsDistrictCode(), IsKnownIfInNingxia())
  residenceDistrictCode: string;

  @Field(() => String, { nullable: true, description: 'Code of the household registration district, 6 digits (户籍地区划代码)' })
  @all(IsOptional(), IsDistrictCode(), IsKnownIfInNingxia())
  householdDistrictCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Birth date as the department records it, YYYY-MM-DD; defaults to the one in the ID number (出生日期)' })
  @Day(false)
  birthDate?: string | null;
}
