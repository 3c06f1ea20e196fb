import { ApiError } from './parse-response';

/** Streams one file from the browser to the web host, which queues it for import. */
export async function uploadFile(file: File, token: string): Promise<void> {
  const response = await fetch('/api/upload', {
    method: 'POST',
    headers: {
      'x-chat-vault-token': token,
      'x-chat-vault-file-name': encodeURIComponent(file.name),
      'content-type': 'application/octet-stream',
    },
    body: file,
  });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as {
      error?: { code?: string; message?: string };
    } | null;
    throw new ApiError(
      body?.error?.code ?? 'UPLOAD_FAILED',
      body?.error?.message ?? response.statusText,
    );
  }
}
