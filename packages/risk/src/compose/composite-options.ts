/** Options of the composites without further knobs ({@link firstTrigger}, {@link byPriority}, {@link chainPortfolioRules}). */
export interface CompositeOptions {
  /** Name of the composite rule. @defaultValue the factory's name (`chainPortfolioRules`: `chain`) */
  readonly name?: string;
}
