// Download progress of the MNIST files (compressed bytes).
export function LoadingBar({ loaded, total }: { loaded: number; total: number }) {
  const mb = (b: number) => (b / 1e6).toFixed(1);
  return (
    <div className="loading">
      <label htmlFor="mnist-progress">
        Downloading MNIST: {mb(loaded)} / {mb(total)} MB
      </label>
      <progress id="mnist-progress" max={total} value={loaded} />
    </div>
  );
}
