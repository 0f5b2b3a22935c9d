import TasksPage from './TasksPage.tsx';

/** 本单位任务: the ledger narrowed to the signed-in user's unit (lead or co-unit). */
export default function MyTasksPage() {
  return <TasksPage mine />;
}
