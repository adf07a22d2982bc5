import type { LaoType } from '../entities/lao.entity';

/** The four Chaiyaphum LAOs named in the rollout letter (shared/data/seed-laos.csv; codes illustrative). */
export const DEMO_LAOS: ReadonlyArray<{
  code: string;
  nameTh: string;
  type: LaoType;
  districtTh: string;
  provinceCode: string;
}> = [
  {
    code: '6360507',
    nameTh: 'องค์การบริหารส่วนตำบลคูเมือง',
    type: 'sao',
    districtTh: 'หนองบัวแดง',
    provinceCode: '36',
  },
  {
    code: '6360204',
    nameTh: 'องค์การบริหารส่วนตำบลภูแล่นคา',
    type: 'sao',
    districtTh: 'บ้านเขว้า',
    provinceCode: '36',
  },
  {
    code: '5360201',
    nameTh: 'เทศบาลตำบลตลาดแร้ง',
    type: 'subdistrict_municipality',
    districtTh: 'บ้านเขว้า',
    provinceCode: '36',
  },
  {
    code: '5360901',
    nameTh: 'เทศบาลตำบลเทพสถิต',
    type: 'subdistrict_municipality',
    districtTh: 'เทพสถิต',
    provinceCode: '36',
  },
];
