/**
 * A step of `documents.validate` failed for a reason outside the document (the sandbox crashed, the object
 * store or the database is away). Thrown as a plain error so BullMQ retries the job with exponential backoff
 * (only `UnrecoverableError` fails at once); the verdict on a bad document is a result, never an error.
 */
export class RetryableDocumentError extends Error {
  override name = 'RetryableDocumentError';

  constructor(
    readonly stage: PipelineStage,
    readonly documentId: string,
    cause: unknown,
  ) {
    super(
      `document ${documentId}: ${stage} failed, the job will be retried: ${cause instanceof Error ? cause.message : String(cause)}`,
      { cause },
    );
  }
}

export type PipelineStage = 'read quarantine' | 'load order' | 'validate' | 'promote' | 'record verdict';

/** Runs one step, turning any failure into a RetryableDocumentError that names the step. */
export async function stage<T>(name: PipelineStage, documentId: string, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    throw new RetryableDocumentError(name, documentId, error);
  }
}
