import { BookOutlined, MessageOutlined, PhoneOutlined } from '@ant-design/icons';
import { Alert, Space, Typography } from 'antd';
import { authApi } from '../api/auth';
import { useLoad } from '../lib/useLoad';

const isUrl = (v: string): boolean => /^https?:\/\//i.test(v);

/**
 * DLA's helpdesk (the letter's phone line, LINE OpenChat and manual) where people get stuck: the
 * sign-in and set-password pages. Nothing is shown when none is configured or the call fails.
 */
export function HelpContactsBlock({ intro }: { intro?: string }) {
  const state = useLoad(() => authApi.helpContacts(), []);
  const c = state.data;
  if (!c || (!c.phone && !c.line && !c.manualUrl)) return null;
  return (
    <Alert
      type="info"
      className="help-contacts"
      role="note"
      title={intro ?? 'ติดต่อ Helpdesk กรมส่งเสริมการปกครองท้องถิ่น'}
      description={
        <Space orientation="vertical" size={2}>
          {c.phone && (
            <span>
              <PhoneOutlined aria-hidden /> โทร{' '}
              <Typography.Link href={`tel:${c.phone.replace(/[^\d+]/g, '')}`}>{c.phone}</Typography.Link>
            </span>
          )}
          {c.line && (
            <span>
              <MessageOutlined aria-hidden /> LINE OpenChat:{' '}
              {isUrl(c.line) ? (
                <Typography.Link href={c.line} target="_blank" rel="noopener noreferrer">
                  {c.line}
                </Typography.Link>
              ) : (
                c.line
              )}
            </span>
          )}
          {c.manualUrl && isUrl(c.manualUrl) && (
            <span>
              <BookOutlined aria-hidden />{' '}
              <Typography.Link href={c.manualUrl} target="_blank" rel="noopener noreferrer">
                คู่มือการใช้งาน
              </Typography.Link>
            </span>
          )}
        </Space>
      }
    />
  );
}
