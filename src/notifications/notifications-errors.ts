import { defineErrors } from '../common/errors/app-error';

export const NotificationsErrors = defineErrors({
  NOTIFICATION_NOT_FOUND: { status: 404, th: 'ไม่พบการแจ้งเตือน', en: 'Notification not found' },
});
