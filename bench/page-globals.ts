/**
 * The few browser globals the in-page measurements touch. bench/ is type-checked for Node (no DOM
 * library), so the functions handed to `page.evaluate` see the page through this type.
 */
export type PageElement = {
  click(): void;
  readonly textContent: string | null;
  readonly disabled?: boolean;
  scrollBy(options: { top: number }): void;
};

export type PageWindow = {
  readonly document: {
    querySelector(selector: string): PageElement | null;
    querySelectorAll(selector: string): Iterable<PageElement>;
  };
  requestAnimationFrame(callback: () => void): number;
  __longTasks: number[];
};
