import { type RawResponse, send } from './http';

/**
 * PUT multipart `file` with XMLHttpRequest, whose upload events give a real progress bar
 * (fetch has none). Goes through `send`, so an expired token is refreshed and the upload retried.
 */
export async function uploadWithProgress<T>(
  path: string,
  file: File,
  onProgress: (percent: number) => void,
): Promise<T> {
  const transport = (token: string | null): Promise<RawResponse> =>
    new Promise((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open('PUT', path);
      xhr.setRequestHeader('accept', 'application/json');
      xhr.setRequestHeader('accept-language', 'th');
      if (token) xhr.setRequestHeader('authorization', `Bearer ${token}`);
      xhr.upload.onprogress = (e) => {
        if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100));
      };
      xhr.onload = () => {
        const text = xhr.responseText;
        resolve({
          status: xhr.status,
          contentType: xhr.getResponseHeader('content-type') ?? '',
          text: () => Promise.resolve(text),
          blob: () => Promise.resolve(new Blob([text])),
        });
      };
      xhr.onerror = () => reject(new Error('ไม่สามารถอัปโหลดไฟล์ได้ กรุณาตรวจสอบการเชื่อมต่อแล้วลองใหม่'));
      const form = new FormData();
      form.append('file', file, file.name);
      onProgress(0);
      xhr.send(form);
    });
  const res = await send(transport);
  onProgress(100);
  return JSON.parse(await res.text()) as T;
}
