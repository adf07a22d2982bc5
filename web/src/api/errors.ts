/** An API error as the console shows it: the API's Thai `message`, its stable `code`, and details. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** The user closed the sign-in-again dialog instead of signing in: the request is abandoned. */
export class SessionEndedError extends ApiError {
  constructor() {
    super(401, 'SESSION_ENDED', 'เซสชันสิ้นสุดแล้ว กรุณาเข้าสู่ระบบใหม่');
  }
}

const FALLBACK: Record<number, string> = {
  400: 'ข้อมูลที่ส่งไม่ถูกต้อง',
  401: 'กรุณาเข้าสู่ระบบ',
  403: 'ท่านไม่มีสิทธิ์ดำเนินการนี้',
  404: 'ไม่พบข้อมูล หรือท่านไม่มีสิทธิ์เข้าถึง',
  409: 'ข้อมูลถูกเปลี่ยนแปลงโดยผู้อื่น กรุณาโหลดหน้าใหม่แล้วลองอีกครั้ง',
  413: 'ไฟล์หรือข้อมูลมีขนาดใหญ่เกินกำหนด',
  415: 'ชนิดของไฟล์ไม่ถูกต้อง',
  422: 'ข้อมูลไม่ผ่านการตรวจสอบ',
  429: 'มีการใช้งานถี่เกินไป กรุณารอสักครู่แล้วลองใหม่',
};

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Builds the error from the API's `{statusCode, code, message, details}` body (or a Thai fallback). */
export function errorFromBody(status: number, body: unknown): ApiError {
  const fallback = FALLBACK[status] ?? (status >= 500 ? 'ระบบขัดข้องชั่วคราว กรุณาลองใหม่อีกครั้ง' : 'เกิดข้อผิดพลาด');
  if (!isRecord(body)) return new ApiError(status, `HTTP_${status}`, fallback);
  const code = typeof body.code === 'string' ? body.code : `HTTP_${status}`;
  const message = typeof body.message === 'string' && body.message ? body.message : fallback;
  return new ApiError(status, code, message, isRecord(body.details) ? body.details : {});
}

export const networkError = (): ApiError =>
  new ApiError(0, 'NETWORK', 'ไม่สามารถเชื่อมต่อเซิร์ฟเวอร์ได้ กรุณาตรวจสอบอินเทอร์เน็ตแล้วลองใหม่');

/** A message for any thrown value, for `message.error(...)`. */
export function errorText(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  return 'เกิดข้อผิดพลาดที่ไม่คาดคิด';
}
