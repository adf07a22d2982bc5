import {
  AuditOutlined,
  BarChartOutlined,
  BankOutlined,
  ClusterOutlined,
  FileDoneOutlined,
  HomeOutlined,
  ImportOutlined,
  ProfileOutlined,
  CustomerServiceOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  TeamOutlined,
  UserAddOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { AppAbility } from '../access/ability';
import type { Me } from '../api/types';

export interface NavItem {
  path: string;
  label: string;
  icon: ReactNode;
}

/** The menu of each role; an entry appears only when the ability allows what the page does. */
export function navigationFor(me: Me, ability: AppAbility): NavItem[] {
  // Each role's home is its main page: the setup checklist, the review queue, the national dashboard.
  const items: NavItem[] = [];
  const add = (ok: boolean, item: NavItem): void => {
    if (ok) items.push(item);
  };
  switch (me.role) {
    case 'lao_admin':
      add(true, { path: '/', label: 'หน้าหลัก', icon: <HomeOutlined /> });
      // Every grant revoked or superseded: the home page says so; nothing of the LAO is offered.
      if (me.grantState === null) break;
      // The letter's manual names these menus: ตั้งค่า อปท., ระบบจัดการงานบริการ, จัดการผู้ดูแลระบบ.
      add(ability.can('read', 'Lao'), { path: '/lao/details', label: 'ตั้งค่า อปท.', icon: <BankOutlined /> });
      add(ability.can('read', 'Division'), {
        path: '/lao/divisions',
        label: 'สำนัก/กอง',
        icon: <ClusterOutlined />,
      });
      add(ability.can('read', 'LaoService'), {
        path: '/lao/services',
        label: 'ระบบจัดการงานบริการ',
        icon: <SettingOutlined />,
      });
      add(ability.can('read', 'Account'), {
        path: '/staff',
        label: 'จัดการผู้ดูแลระบบ',
        icon: <TeamOutlined />,
      });
      add(ability.can('read', 'AppointmentOrder'), {
        path: '/orders',
        label: 'คำสั่งแต่งตั้ง',
        icon: <FileDoneOutlined />,
      });
      break;
    case 'province_officer':
      add(ability.can('read', 'ReviewQueue'), {
        path: '/review-queue',
        label: 'คิวตรวจสอบคำสั่ง',
        icon: <AuditOutlined />,
      });
      add(ability.can('read', 'Dashboard'), {
        path: '/readiness',
        label: 'ความพร้อมของจังหวัด',
        icon: <BarChartOutlined />,
      });
      add(ability.can('read', 'Lao'), {
        path: '/laos',
        label: 'อปท. และผู้ดูแลระบบ',
        icon: <UserAddOutlined />,
      });
      break;
    case 'dla_admin':
      add(true, { path: '/', label: 'ความพร้อมระดับประเทศ', icon: <BarChartOutlined /> });
      add(ability.can('import', 'Lao'), {
        path: '/import',
        label: 'นำเข้าทะเบียน อปท.',
        icon: <ImportOutlined />,
      });
      add(ability.can('create', 'Account'), {
        path: '/officers',
        label: 'เจ้าหน้าที่ สถ.จ.',
        icon: <TeamOutlined />,
      });
      add(ability.can('create', 'Account'), {
        path: '/dla-accounts',
        label: 'บัญชี สถ. ส่วนกลาง',
        icon: <SafetyCertificateOutlined />,
      });
      add(ability.can('read', 'Lao'), { path: '/laos', label: 'ทะเบียน อปท.', icon: <ProfileOutlined /> });
      break;
    case 'dla_helpdesk':
      add(ability.can('read', 'Lao'), {
        path: '/',
        label: 'ค้นหา อปท. และบัญชีผู้ใช้',
        icon: <CustomerServiceOutlined />,
      });
      add(ability.can('read', 'Account'), {
        path: '/officers',
        label: 'เจ้าหน้าที่ สถ.จ.',
        icon: <TeamOutlined />,
      });
      break;
    case 'lao_user':
      add(true, { path: '/', label: 'หน้าหลัก', icon: <HomeOutlined /> });
      break;
  }
  return items;
}
