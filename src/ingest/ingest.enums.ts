import { registerEnumType } from 'type-graphql';
import { Department } from '../common/department';
import { RecordKind } from '../core/record-kind';

export { Department };

export { RecordKind };

export enum UpsertStatus {
  INSERTED = 'INSERTED',
  UPDATED = 'UPDATED',
  UNCHANGED = 'UNCHANGED',
  REJECTED = 'REJECTED',
}
registerEnumType(UpsertStatus, {
  name: 'UpsertStatus',
  description: 'What happened to one submitted record (记录处理结果)',
  valuesConfig: {
    INSERTED: { description: 'New record stored (新增)' },
    UPDATED: { description: 'Existing record (same source key) changed (更新)' },
    UNCHANGED: { description: 'Existing record already had these values (无变化)' },
    REJECTED: { description: 'Not stored: failed validation; kept in quarantine (拒收, 已隔离)' },
  },
});

export enum IdentityField {
  NAME = 'NAME',
  BIRTH_DATE = 'BIRTH_DATE',
  RESIDENCE_DISTRICT = 'RESIDENCE_DISTRICT',
}
registerEnumType(IdentityField, {
  name: 'IdentityField',
  description: 'A personal detail on which departments can disagree (身份信息字段)',
  valuesConfig: {
    NAME: { description: 'Name (姓名)' },
    BIRTH_DATE: { description: 'Birth date (出生日期)' },
    RESIDENCE_DISTRICT: { description: 'Residence district code (居住地区划代码)' },
  },
});

