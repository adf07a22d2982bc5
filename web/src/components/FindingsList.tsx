import { Alert, List, Tag, Typography } from 'antd';
import type { Finding } from '../api/types';
import { SEVERITY, findingText } from '../lib/findings';

/** The cross-check findings of a document: what the text of the PDF did not match. */
export function FindingsList({ findings }: { findings: Finding[] }) {
  if (findings.length === 0) {
    return <Alert type="success" showIcon title="ข้อความในเอกสารตรงกับข้อมูลที่กรอกไว้ (ไม่พบข้อสังเกต)" />;
  }
  return (
    <List
      size="small"
      bordered
      aria-label="ข้อสังเกตจากการตรวจเอกสาร"
      dataSource={findings}
      renderItem={(f) => (
        <List.Item>
          <div>
            <Tag color={SEVERITY[f.severity].color}>{SEVERITY[f.severity].label}</Tag>
            <Typography.Text>{findingText(f)}</Typography.Text>
            {(f.expected || f.found) && (
              <div className="finding-detail">
                {f.expected && <span>ที่กรอกไว้: {f.expected}</span>}
                {f.found && <span>ที่พบในเอกสาร: {f.found}</span>}
              </div>
            )}
          </div>
        </List.Item>
      )}
    />
  );
}
