// A form's date field whose calendar greys out the days the field does not take (after today).
import { forwardRef, type FocusEvent, type KeyboardEvent } from 'react';
import { DatePicker, type DatePickerProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { chinaDate } from '../../shared/records.ts';

const FORMAT = 'YYYY-MM-DD';

/** Days after today (China's date), for `disabledDate`. */
export const afterToday = (d: Dayjs) => d.format(FORMAT) > chinaDate();

/**
 * The picker alone drops a typed day that `disabledDate` excludes and puts the old value back (or
 * none) without a word, and the form then went out with another date than the one typed. This one
 * takes the typed day as the field's value when the box is left or Enter is pressed, so that the
 * field's rule refuses it with its message at the field (X不能晚于今天); the calendar still greys
 * those days out.
 */
export const DateInput = forwardRef<any, DatePickerProps>(function DateInput({ onBlur, onKeyDown, ...props }, ref) {
  const takeTyped = (e: FocusEvent<HTMLElement> | KeyboardEvent<HTMLElement>) => {
    const text = e.target instanceof HTMLInputElement ? e.target.value.trim() : '';
    const typed = dayjs(text, FORMAT);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || !typed.isValid() || typed.format(FORMAT) !== text) return;
    const current = props.value ? dayjs(props.value as Dayjs).format(FORMAT) : null;
    if (text !== current && props.disabledDate?.(typed, { type: 'date' })) props.onChange?.(typed, text);
  };
  return (
    <DatePicker
      ref={ref}
      format={FORMAT}
      {...props}
      onBlur={(e, info) => {
        takeTyped(e);
        onBlur?.(e, info);
      }}
      onKeyDown={(e, preventDefault) => {
        if (e.key === 'Enter') takeTyped(e);
        onKeyDown?.(e, preventDefault);
      }}
    />
  );
});
