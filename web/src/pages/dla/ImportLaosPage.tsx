import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Input, Space, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { ApiError, errorText } from '../../api/errors';
import { registryApi } from '../../api/registry';
import type { CsvRowError, ImportCounts } from '../../api/types';
import { PageHeader } from '../../components/PageHeader';
import { saveBlob } from '../../lib/download';

const TEMPLATE =
  '\ufeffcode,name_th,type,district_th,province_code,address,phone,email,website,phase1_target\n' +
  '6360507,องค์การบริหารส่วนตำบลคูเมือง,อบต.,หนองบัวแดง,36,,,,,1\n';

interface Failure {
  message: string;
  errors: CsvRowError[];
  errorCount: number;
  truncated: boolean;
}

function failureOf(e: unknown): Failure {
  if (e instanceof ApiError && Array.isArray(e.details.errors)) {
    const errors = e.details.errors as CsvRowError[];
    return {
      message: e.message,
      errors,
      errorCount: typeof e.details.errorCount === 'number' ? e.details.errorCount : errors.length,
      truncated: e.details.truncated === true,
    };
  }
  return { message: errorText(e), errors: [], errorCount: 0, truncated: false };
}

/** DLA imports the LAO registry from CSV: all or nothing, with every row's problem listed. */
export function ImportLaosPage() {
  const [csv, setCsv] = useState('');
  const [fileName, setFileName] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ImportCounts | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);

  const submit = async (): Promise<void> => {
    setBusy(true);
    setResult(null);
    setFailure(null);
    try {
      setResult(await registryApi.importLaos(csv));
    } catch (e) {
      setFailure(failureOf(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeader
        title="นำเข้าทะเบียน อปท."
        help="ไฟล์ CSV (UTF-8) คอลัมน์ code, name_th, type, district_th, province_code และเพิ่มเติม address, phone, email, website, phase1_target หากมีข้อผิดพลาดแม้แถวเดียว ระบบจะไม่นำเข้าข้อมูลใดเลย"
        extra={
          <Button
            icon={<DownloadOutlined />}
            onClick={() => saveBlob(new Blob([TEMPLATE], { type: 'text/csv' }), 'lao-template.csv')}
          >
            ดาวน์โหลดแบบฟอร์ม
          </Button>
        }
      />
      <Card className="block-gap">
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Upload
            accept=".csv,text/csv"
            showUploadList={false}
            beforeUpload={(file) => {
              void file.text().then((text) => {
                setCsv(text);
                setFileName(file.name);
              });
              return false;
            }}
          >
            <Button icon={<UploadOutlined />}>เลือกไฟล์ CSV</Button>
          </Upload>
          {fileName && <Typography.Text>ไฟล์: {fileName}</Typography.Text>}
          <label htmlFor="csv-text" className="field-label">
            หรือวางข้อมูล CSV
          </label>
          <Input.TextArea
            id="csv-text"
            rows={8}
            value={csv}
            onChange={(e) => setCsv(e.target.value)}
            className="mono"
          />
          <Button type="primary" onClick={() => void submit()} loading={busy} disabled={!csv.trim()}>
            นำเข้า
          </Button>
        </Space>
      </Card>
      {result && (
        <Alert
          type="success"
          showIcon
          role="status"
          title="นำเข้าสำเร็จ"
          description={
            <Descriptions size="small" column={{ xs: 2, md: 4 }}>
              <Descriptions.Item label="ทั้งหมด">{result.total}</Descriptions.Item>
              <Descriptions.Item label="เพิ่มใหม่">{result.created}</Descriptions.Item>
              <Descriptions.Item label="ปรับปรุง">{result.updated}</Descriptions.Item>
              <Descriptions.Item label="ไม่เปลี่ยนแปลง">{result.unchanged}</Descriptions.Item>
            </Descriptions>
          }
        />
      )}
      {failure && <ImportErrors failure={failure} />}
    </>
  );
}

function ImportErrors({ failure }: { failure: Failure }) {
  return (
    <Card title="ข้อผิดพลาดในไฟล์" className="import-errors">
      <Alert
        type="error"
        showIcon
        role="alert"
        title={failure.message}
        description={
          failure.errors.length > 0
            ? `พบ ${failure.errorCount} ข้อผิดพลาด${failure.truncated ? ` (แสดง ${failure.errors.length} รายการแรก)` : ''} แก้ไขไฟล์แล้วนำเข้าใหม่`
            : undefined
        }
        className="block-gap"
      />
      {failure.errors.length > 0 && (
        <Table<CsvRowError>
          rowKey={(r, i) => `${r.line}-${r.field ?? ''}-${r.code}-${i ?? 0}`}
          size="small"
          dataSource={failure.errors}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          scroll={{ x: 560 }}
          columns={[
            { title: 'บรรทัด', dataIndex: 'line', width: 80 },
            { title: 'คอลัมน์', key: 'field', width: 130, render: (_v, r) => r.field ?? '(ทั้งแถว)' },
            { title: 'ข้อผิดพลาด', dataIndex: 'message' },
            { title: 'ค่าในไฟล์', key: 'value', width: 180, render: (_v, r) => r.value ?? '' },
          ]}
        />
      )}
    </Card>
  );
}
