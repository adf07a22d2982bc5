/** The usual six divisions (สำนัก/กอง) every LAO starts with (shared/data/divisions.csv). */
export const DEFAULT_DIVISIONS: ReadonlyArray<{ nameTh: string; nameEn: string }> = [
  {
    nameTh: 'สำนักปลัด',
    nameEn: 'Office of the Permanent Secretary',
  },
  {
    nameTh: 'กองคลัง',
    nameEn: 'Finance Division',
  },
  {
    nameTh: 'กองช่าง',
    nameEn: 'Public Works Division',
  },
  {
    nameTh: 'กองการศึกษา ศาสนาและวัฒนธรรม',
    nameEn: 'Education, Religion and Culture Division',
  },
  {
    nameTh: 'กองสาธารณสุขและสิ่งแวดล้อม',
    nameEn: 'Public Health and Environment Division',
  },
  {
    nameTh: 'กองสวัสดิการสังคม',
    nameEn: 'Social Welfare Division',
  },
];
