import { Migration } from '@mikro-orm/migrations';

/**
 * Reference data (77 provinces with the phase-1 flag, the citizen-services catalog, copied from
 * shared/data) and the trigram indexes of the review queue search. Re-running changes nothing.
 */
export class Migration20261126072400_ReferenceData extends Migration {
  override async up(): Promise<void> {
    this.addSql('create extension if not exists pg_trgm;');
    this.addSql(`insert into "province" ("code", "name_th", "name_en", "region", "phase1_target") values
      ('10', 'กรุงเทพมหานคร', 'Bangkok', 'central', false),
      ('11', 'สมุทรปราการ', 'Samut Prakan', 'central', false),
      ('12', 'นนทบุรี', 'Nonthaburi', 'central', true),
      ('13', 'ปทุมธานี', 'Pathum Thani', 'central', true),
      ('14', 'พระนครศรีอยุธยา', 'Phra Nakhon Si Ayutthaya', 'central', true),
      ('15', 'อ่างทอง', 'Ang Thong', 'central', true),
      ('16', 'ลพบุรี', 'Lop Buri', 'central', true),
      ('17', 'สิงห์บุรี', 'Sing Buri', 'central', true),
      ('18', 'ชัยนาท', 'Chai Nat', 'central', true),
      ('19', 'สระบุรี', 'Saraburi', 'central', true),
      ('20', 'ชลบุรี', 'Chon Buri', 'east', true),
      ('21', 'ระยอง', 'Rayong', 'east', false),
      ('22', 'จันทบุรี', 'Chanthaburi', 'east', false),
      ('23', 'ตราด', 'Trat', 'east', true),
      ('24', 'ฉะเชิงเทรา', 'Chachoengsao', 'east', true),
      ('25', 'ปราจีนบุรี', 'Prachin Buri', 'east', true),
      ('26', 'นครนายก', 'Nakhon Nayok', 'central', false),
      ('27', 'สระแก้ว', 'Sa Kaeo', 'east', true),
      ('30', 'นครราชสีมา', 'Nakhon Ratchasima', 'northeast', true),
      ('31', 'บุรีรัมย์', 'Buri Ram', 'northeast', true),
      ('32', 'สุรินทร์', 'Surin', 'northeast', true),
      ('33', 'ศรีสะเกษ', 'Si Sa Ket', 'northeast', true),
      ('34', 'อุบลราชธานี', 'Ubon Ratchathani', 'northeast', true),
      ('35', 'ยโสธร', 'Yasothon', 'northeast', true),
      ('36', 'ชัยภูมิ', 'Chaiyaphum', 'northeast', true),
      ('37', 'อำนาจเจริญ', 'Amnat Charoen', 'northeast', true),
      ('38', 'บึงกาฬ', 'Bueng Kan', 'northeast', false),
      ('39', 'หนองบัวลำภู', 'Nong Bua Lam Phu', 'northeast', true),
      ('40', 'ขอนแก่น', 'Khon Kaen', 'northeast', true),
      ('41', 'อุดรธานี', 'Udon Thani', 'northeast', true),
      ('42', 'เลย', 'Loei', 'northeast', true),
      ('43', 'หนองคาย', 'Nong Khai', 'northeast', true),
      ('44', 'มหาสารคาม', 'Maha Sarakham', 'northeast', true),
      ('45', 'ร้อยเอ็ด', 'Roi Et', 'northeast', true),
      ('46', 'กาฬสินธุ์', 'Kalasin', 'northeast', true),
      ('47', 'สกลนคร', 'Sakon Nakhon', 'northeast', true),
      ('48', 'นครพนม', 'Nakhon Phanom', 'northeast', true),
      ('49', 'มุกดาหาร', 'Mukdahan', 'northeast', false),
      ('50', 'เชียงใหม่', 'Chiang Mai', 'north', true),
      ('51', 'ลำพูน', 'Lamphun', 'north', true),
      ('52', 'ลำปาง', 'Lampang', 'north', true),
      ('53', 'อุตรดิตถ์', 'Uttaradit', 'north', true),
      ('54', 'แพร่', 'Phrae', 'north', true),
      ('55', 'น่าน', 'Nan', 'north', true),
      ('56', 'พะเยา', 'Phayao', 'north', true),
      ('57', 'เชียงราย', 'Chiang Rai', 'north', true),
      ('58', 'แม่ฮ่องสอน', 'Mae Hong Son', 'north', true),
      ('60', 'นครสวรรค์', 'Nakhon Sawan', 'north', true),
      ('61', 'อุทัยธานี', 'Uthai Thani', 'north', true),
      ('62', 'กำแพงเพชร', 'Kamphaeng Phet', 'north', true),
      ('63', 'ตาก', 'Tak', 'west', true),
      ('64', 'สุโขทัย', 'Sukhothai', 'north', false),
      ('65', 'พิษณุโลก', 'Phitsanulok', 'north', true),
      ('66', 'พิจิตร', 'Phichit', 'north', true),
      ('67', 'เพชรบูรณ์', 'Phetchabun', 'north', true),
      ('70', 'ราชบุรี', 'Ratchaburi', 'west', true),
      ('71', 'กาญจนบุรี', 'Kanchanaburi', 'west', true),
      ('72', 'สุพรรณบุรี', 'Suphan Buri', 'central', true),
      ('73', 'นครปฐม', 'Nakhon Pathom', 'central', true),
      ('74', 'สมุทรสาคร', 'Samut Sakhon', 'central', true),
      ('75', 'สมุทรสงคราม', 'Samut Songkhram', 'central', false),
      ('76', 'เพชรบุรี', 'Phetchaburi', 'west', true),
      ('77', 'ประจวบคีรีขันธ์', 'Prachuap Khiri Khan', 'west', true),
      ('80', 'นครศรีธรรมราช', 'Nakhon Si Thammarat', 'south', true),
      ('81', 'กระบี่', 'Krabi', 'south', true),
      ('82', 'พังงา', 'Phangnga', 'south', false),
      ('83', 'ภูเก็ต', 'Phuket', 'south', false),
      ('84', 'สุราษฎร์ธานี', 'Surat Thani', 'south', true),
      ('85', 'ระนอง', 'Ranong', 'south', true),
      ('86', 'ชุมพร', 'Chumphon', 'south', true),
      ('90', 'สงขลา', 'Songkhla', 'south', true),
      ('91', 'สตูล', 'Satun', 'south', true),
      ('92', 'ตรัง', 'Trang', 'south', true),
      ('93', 'พัทลุง', 'Phatthalung', 'south', false),
      ('94', 'ปัตตานี', 'Pattani', 'south', true),
      ('95', 'ยะลา', 'Yala', 'south', true),
      ('96', 'นราธิวาส', 'Narathiwat', 'south', true)
    on conflict ("code") do update set "name_th" = excluded."name_th", "name_en" = excluded."name_en",
      "region" = excluded."region", "phase1_target" = excluded."phase1_target";`);
    this
      .addSql(`insert into "citizen_service" ("key", "name_th", "name_en", "division_hint", "sort_order") values
      ('waste-fee', 'ค่าธรรมเนียมเก็บและขนขยะมูลฝอย', 'Waste collection fee', 'กองสาธารณสุขและสิ่งแวดล้อม', 0),
      ('health-hazard-license', 'ใบอนุญาตประกอบกิจการที่เป็นอันตรายต่อสุขภาพ', 'Health-hazard business licence', 'กองสาธารณสุขและสิ่งแวดล้อม', 1),
      ('food-premises-license', 'ใบอนุญาตจัดตั้งสถานที่จำหน่ายอาหารหรือสะสมอาหาร', 'Food premises licence', 'กองสาธารณสุขและสิ่งแวดล้อม', 2),
      ('building-permit', 'ขออนุญาตก่อสร้าง ดัดแปลง รื้อถอนอาคาร', 'Building construction/alteration/demolition permit', 'กองช่าง', 3),
      ('excavation-permit', 'แจ้งการขุดดินและถมดิน', 'Excavation and land-filling notice', 'กองช่าง', 4),
      ('land-building-tax', 'ภาษีที่ดินและสิ่งปลูกสร้าง', 'Land and building tax', 'กองคลัง', 5),
      ('signboard-tax', 'ภาษีป้าย', 'Signboard tax', 'กองคลัง', 6),
      ('market-vending-license', 'ใบอนุญาตจำหน่ายสินค้าในที่หรือทางสาธารณะ', 'Street and market vending licence', 'กองสาธารณสุขและสิ่งแวดล้อม', 7),
      ('elderly-allowance', 'ลงทะเบียนรับเบี้ยยังชีพผู้สูงอายุ', 'Elderly allowance registration', 'กองสวัสดิการสังคม', 8),
      ('disability-allowance', 'ลงทะเบียนรับเบี้ยความพิการ', 'Disability allowance registration', 'กองสวัสดิการสังคม', 9),
      ('disaster-relief', 'ขอรับความช่วยเหลือผู้ประสบสาธารณภัย', 'Disaster relief request', 'สำนักปลัด', 10),
      ('complaint', 'ร้องเรียนร้องทุกข์', 'Complaints and grievances', 'สำนักปลัด', 11),
      ('water-supply', 'ขอใช้น้ำประปา', 'Water supply connection', 'กองช่าง', 12),
      ('official-information', 'ขอข้อมูลข่าวสารของราชการ', 'Official information request', 'สำนักปลัด', 13)
    on conflict ("key") do update set "name_th" = excluded."name_th", "name_en" = excluded."name_en",
      "division_hint" = excluded."division_hint", "sort_order" = excluded."sort_order";`);
    this.addSql(
      'create index "appointment_order_search_trgm" on "appointment_order" using gin ("search_text" gin_trgm_ops);',
    );
    this.addSql('create index "lao_name_trgm" on "lao" using gin ("name_th" gin_trgm_ops);');
  }

  override async down(): Promise<void> {
    this.addSql('drop index if exists "lao_name_trgm";');
    this.addSql('drop index if exists "appointment_order_search_trgm";');
  }
}
