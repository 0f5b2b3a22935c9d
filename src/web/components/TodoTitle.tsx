// A waiting record's title in 我的待办 (the page and the 工作台's card).
import type { CSSProperties } from 'react';
import { Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { TodoItem } from '../../shared/workflow.ts';

/**
 * A record's title with its case number (else its ref) beneath: records of one title (disputes of the
 * same parties year after year, a case and its appeal) are told apart by it.
 */
export function TodoTitle({ item, style }: { item: TodoItem; style?: CSSProperties }) {
  const number = item.caseNumber ?? item.ref;
  return (
    <span style={{ minWidth: 0, ...style }}>
      <Link to={item.link}>{item.title}</Link>
      {number && (
        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }} data-testid="todo-number">
          {number}
        </Typography.Text>
      )}
    </span>
  );
}
