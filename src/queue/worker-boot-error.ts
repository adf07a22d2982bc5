/** Raised while the worker starts when it must not run (missing handler, unsafe Redis). */
export class WorkerBootError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WorkerBootError';
  }
}
