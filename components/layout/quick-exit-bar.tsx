import { QuickExit } from './quick-exit';

/** The strip at the very top of every page, error pages included, that holds the quick exit. */
export function QuickExitBar({ label, description }: { label: string; description: string }) {
  return (
    <div className="quick-exit-bar">
      <div className="container quick-exit-bar__inner">
        <QuickExit label={label} description={description} />
      </div>
    </div>
  );
}
